#include "html/html_notes.h"

#include "core/text.h"
#include "dom/html_dom.h"
#include "html/html_links.h"

#include <algorithm>
#include <unordered_map>

namespace colophon::html {

namespace {

// A note mark is a few characters ("12", "a", "iv", "*"); a longer in-page link is navigation.
constexpr std::size_t mark_max_bytes = 8;
constexpr std::size_t alnum_mark_max_bytes = 4;
// An in-page target larger than this is a section of the page, not a note.
constexpr int note_max_letters = 6000;

std::string mark_label(std::string s)
{
    s = core::clean_text(s);
    while (!s.empty() && (s.front() == '[' || s.front() == '(' || s.front() == ' '))
        s.erase(0, 1);
    while (!s.empty() && (s.back() == ']' || s.back() == ')' || s.back() == ' ' || s.back() == '.'))
        s.pop_back();
    return s;
}

bool looks_like_mark(std::string_view label)
{
    if (label.empty() || label.size() > mark_max_bytes)
        return false;
    if (label == "*" || label == "**" || label == "†" || label == "‡" || label == "§")
        return true;
    for (const char c : label)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return false;
    return label.size() <= alnum_mark_max_bytes;
}

bool note_hint(const xmlNode* n)
{
    const std::string ci = dom::class_and_id(n);
    return ci.find("footnote") != std::string::npos || ci.find("endnote") != std::string::npos ||
           ci.find("fn") != std::string::npos || ci.find("note") != std::string::npos ||
           ci.find("ref") != std::string::npos || ci.find("cite") != std::string::npos;
}

// Notes gathered at the end of the text are endnotes unless the markup calls them footnotes.
bool is_endnote_area(const xmlNode* n)
{
    int up = 0;
    for (const xmlNode* p = n; p != nullptr && up < 5; p = p->parent, ++up) {
        const std::string_view role = dom::attr_view(p, "role");
        if (role == "doc-endnote" || role == "doc-endnotes")
            return true;
        if (role == "doc-footnote" || role == "doc-footnotes")
            return false;
        const std::string_view epub = dom::attr_view(p, "epub:type");
        if (epub.find("endnote") != std::string_view::npos)
            return true;
        if (epub.find("footnote") != std::string_view::npos)
            return false;
        const std::string ci = dom::class_and_id(p);
        if (ci.find("endnote") != std::string::npos)
            return true;
        if (ci.find("footnote") != std::string::npos)
            return false;
    }
    return true;
}

bool is_notes_heading(const xmlNode* h)
{
    if (!dom::is_heading(h) && dom::tag_of(h) != "p" && dom::tag_of(h) != "strong" &&
        dom::tag_of(h) != "b" && dom::tag_of(h) != "div")
        return false;
    std::string t = core::to_lower(core::clean_text(dom::text_of(h)));
    while (!t.empty() && (t.back() == ':' || t.back() == '.'))
        t.pop_back();
    static const char* names[] = {"notes", "footnotes", "endnotes", "references", "sources", "notes and references",
                                  "references and notes", "citations", "bibliography", "примечания", "сноски",
                                  "источники", "литература", "ссылки", "anmerkungen", "fußnoten", "notas"};
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return t == n; });
}

// The element that carries a note's text, given the element the mark points at.
xmlNode* note_item(xmlNode* target)
{
    xmlNode* n = target;
    for (int up = 0; n != nullptr && up < 4; ++up, n = n->parent) {
        const std::string_view t = dom::tag_of(n);
        if (t == "li" || t == "dd" || t == "aside" || t == "p" || t == "div" || t == "section" || t == "td" ||
            t == "tr" || t == "footer") {
            if (dom::letters_of(n, 0) > 0)
                return n;
        }
    }
    return nullptr;
}

} // namespace

std::string make_xml_id(std::string_view raw, std::vector<std::string>& taken)
{
    std::string id;
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.')
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_'))
        id = "fn-" + id;
    std::string unique = id;
    for (int k = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++k)
        unique = id + "-" + std::to_string(k);
    taken.push_back(unique);
    return unique;
}

namespace {

using IdIndex = std::unordered_map<std::string_view, xmlNode*>;

struct FoundNote
{
    xmlNode* item;        // element holding the note text
    std::string fragment; // the id the first mark points at
    std::string label;    // the mark as printed
};

// Every id on the page (and old-style <a name>).
IdIndex index_ids(FactsTable& facts)
{
    IdIndex ids;
    for (xmlNode* e : facts.elements()) {
        const std::string_view id = dom::attr_view(e, "id");
        if (!id.empty())
            ids.emplace(id, e);
        if (dom::tag_of(e) == "a") {
            const std::string_view name = dom::attr_view(e, "name");
            if (!name.empty())
                ids.emplace(name, e);
        }
    }
    return ids;
}

// True when the link `n` is dressed as a note mark: semantic markup, or a short label in a
// superscript, in brackets or with a note class.
bool is_note_mark(const xmlNode* n, const std::string& label)
{
    const bool semantic = dom::attr_view(n, "role") == "doc-noteref" ||
                          dom::attr_view(n, "epub:type").find("noteref") != std::string_view::npos;
    const bool in_sup = dom::tag_of(n->parent) == "sup" ||
                        (n->children && dom::tag_of(n->children) == "sup") ||
                        (n->parent && dom::tag_of(n->parent->parent) == "sup");
    const std::string raw = core::clean_text(dom::text_of(n));
    const bool bracketed = raw.size() >= 3 && raw.front() == '[' && raw.back() == ']';
    return semantic || (looks_like_mark(label) && (in_sup || bracketed || note_hint(n) || note_hint(n->parent)));
}

// Marks in `content` whose target, later in the page, reads as a note; fills `ctx.note_marks`
// (fragment -> first fragment of the note) and returns the notes once each, in mark order.
std::vector<FoundNote> find_note_marks(xmlNode* content, const IdIndex& ids, BlockContext& ctx)
{
    FactsTable& facts = *ctx.facts;
    std::vector<FoundNote> found;
    std::unordered_map<const xmlNode*, std::size_t> item_index;
    for (xmlNode *n = content; n != nullptr; n = dom::next_in_order(n, content)) {
        if (dom::tag_of(n) != "a")
            continue;
        const std::string_view href = dom::attr_view(n, "href");
        if (!is_in_page(href, ctx.page_url))
            continue;
        const std::string frag(fragment_of(href));
        const auto it = ids.find(frag);
        if (it == ids.end())
            continue;
        const std::string label = mark_label(dom::text_of(n));
        if (!is_note_mark(n, label))
            continue;
        xmlNode* target = it->second;
        if (dom::is_ancestor(target, n) || facts.index_of(target) <= facts.index_of(n))
            continue;
        xmlNode* item = note_item(target);
        if (item == nullptr || dom::is_ancestor(item, n) || dom::is_heading(item))
            continue;
        if (facts[item].letters > note_max_letters)
            continue;
        const auto [pos, inserted] = item_index.emplace(item, found.size());
        if (inserted)
            found.push_back({item, frag, label});
        ctx.note_marks[frag] = NoteMark{found[pos->second].fragment, label};
    }
    return found;
}

// The printed number at the start of the note text repeats the label.
void drop_repeated_label(core::Note& note, const std::string& label)
{
    if (note.blocks.empty() || note.blocks.front().content.empty() ||
        note.blocks.front().content.front().kind != core::InlineKind::Text || label.empty())
        return;
    std::string& s = note.blocks.front().content.front().text;
    for (const std::string& prefix :
         {label + ". ", label + ") ", "[" + label + "] ", label + " ", std::string("^ "), std::string("↑ ")})
        if (s.starts_with(prefix)) {
            s.erase(0, prefix.size());
            break;
        }
}

core::Note build_note(const FoundNote& f, std::vector<std::string>& taken, const BlockContext& ctx)
{
    core::Note note;
    note.id = make_xml_id(f.fragment, taken);
    note.label = f.label;
    note.place = is_endnote_area(f.item) ? core::NotePlace::End : core::NotePlace::Foot;
    const long line = xmlGetLineNo(f.item);
    if (line > 0)
        note.source.line = static_cast<int>(line);
    BlockContext note_ctx = ctx;
    note_ctx.in_note = true;
    note_ctx.filter_chrome = false;
    const std::string_view t = dom::tag_of(f.item);
    if (t == "p" || t == "dd" || t == "td") {
        core::Block p;
        p.kind = core::BlockKind::Paragraph;
        p.content = build_inlines(f.item, note_ctx);
        if (!p.content.empty())
            note.blocks.push_back(std::move(p));
    } else {
        note.blocks = build_blocks(f.item, note_ctx);
    }
    drop_repeated_label(note, f.label);
    return note;
}

// Marks the notes, and a notes section they leave empty (with its heading), as out of the body.
void take_notes_out_of_body(const std::vector<FoundNote>& found, xmlNode* content, FactsTable& facts)
{
    for (const FoundNote& f : found) {
        facts[f.item].metadata = true;
        xmlNode* section = f.item->parent;
        for (int up = 0; section != nullptr && up < 3 && section != content; ++up) {
            bool only_notes = true;
            for (xmlNode* c = section->children; c != nullptr && only_notes; c = c->next) {
                if (c->type == XML_TEXT_NODE &&
                    dom::count_letters(reinterpret_cast<const char *>(c->content)) == 0)
                    continue;
                if (c->type != XML_ELEMENT_NODE && c->type != XML_TEXT_NODE)
                    continue;
                if (facts[c].metadata || is_notes_heading(c) || dom::tag_of(c) == "hr" ||
                    dom::letters_of(c, 0) == 0)
                    continue;
                only_notes = false;
            }
            if (!only_notes)
                break;
            facts[section].metadata = true;
            xmlNode* prev = section->prev;
            while (prev != nullptr && prev->type != XML_ELEMENT_NODE)
                prev = prev->prev;
            if (prev != nullptr && is_notes_heading(prev))
                facts[prev].metadata = true;
            section = section->parent;
        }
    }
}

} // namespace

std::vector<core::Note> extract_notes(xmlNode* content, xmlNode* page, BlockContext& ctx)
{
    (void)page;
    FactsTable& facts = *ctx.facts;
    // 1. every id on the page, 2. marks in the content whose target reads as a note
    std::vector<FoundNote> found = find_note_marks(content, index_ids(facts), ctx);
    if (found.empty())
        return {};
    // 3. notes in document order, with ids valid as xml:id; marks renamed to those ids
    std::sort(found.begin(), found.end(),
              [&](const FoundNote& a, const FoundNote& b) { return facts.index_of(a.item) < facts.index_of(b.item); });
    std::vector<std::string> taken;
    std::unordered_map<std::string, std::string> id_of_fragment;
    std::vector<core::Note> notes;
    for (const FoundNote& f : found) {
        notes.push_back(build_note(f, taken, ctx));
        id_of_fragment[f.fragment] = notes.back().id;
    }
    for (auto& [frag, mark] : ctx.note_marks) {
        const auto it = id_of_fragment.find(mark.note_id);
        if (it != id_of_fragment.end())
            mark.note_id = it->second;
    }
    // 4. the notes (and a notes section left empty, with its heading) leave the body
    take_notes_out_of_body(found, content, facts);
    return notes;
}

} // namespace colophon::html
