#include "html/html_blocks.h"

#include "core/gcc_workarounds.h"
#include "core/text.h"
#include "dom/html_dom.h"
#include "html/html_links.h"

#include <algorithm>
#include <charconv>

namespace colophon::html {

namespace {

// A paragraph this long is prose even when a hover card stuffed links into it.
// (article-extraction-benchmark)
constexpr int linked_prose_min_letters = 400;
// A table cell holding this much running text lays out the page rather than holding data.
constexpr int layout_cell_min_good_letters = 400;

using core::Block;
using core::BlockKind;
using core::Inline;
using core::InlineKind;

int line_of(const xmlNode* n)
{
    const long line = xmlGetLineNo(n);
    return line > 0 && line < 100'000'000 ? static_cast<int>(line) : 0;
}

void set_source(Block& b, const xmlNode* n)
{
    const int line = line_of(n);
    if (line > 0)
        b.source.line = line;
}

bool skipped(const xmlNode* n, BlockContext& ctx)
{
    const NodeFacts& f = (*ctx.facts)[n];
    return f.excluded || f.metadata;
}

// Collapses whitespace runs of a text node to single spaces, keeping one at either end.
std::string collapse(const xmlChar* content)
{
    return content == nullptr
               ? std::string()
               : dom::collapse_spaces(reinterpret_cast<const char *>(content), false);
}

bool is_backlink_text(std::string_view t)
{
    const std::string s = core::clean_text(t);
    return s.empty() || s == "^" || s == "↩" || s == "↩︎" || s == "↑" || s == "⤴" || s == "return" ||
           s == "back" || s == "Back" || s == "Return" || s == "[return]" || s == "↵";
}

bool is_backlink_element(const xmlNode* n)
{
    const std::string ci = dom::class_and_id(n);
    return ci.find("backlink") != std::string::npos || ci.find("backref") != std::string::npos ||
           ci.find("back-link") != std::string::npos ||
           ci.find("footnote-back") != std::string::npos ||
           ci.find("to-top") != std::string::npos || dom::attr_view(n, "role") == "doc-backlink";
}

void inlines_of(xmlNode* parent, BlockContext& ctx, std::vector<Inline>& out, int depth);

// Phrase elements of literal computer text: code, keyboard input, program output, teletype.
bool is_code_tag(std::string_view t)
{
    return t == "code" || t == "kbd" || t == "samp" || t == "tt";
}

// Turns the text leaves of what a code element held into code leaves; a link or an emphasis
// inside it stays, around its code (TEI code holds text only).
void as_code(std::vector<Inline> &inlines)
{
    for (Inline &x : inlines) {
        if (x.kind == InlineKind::Text)
            x.kind = InlineKind::Code;
        else
            as_code(x.children);
    }
}

void inline_node(xmlNode* n, BlockContext& ctx, std::vector<Inline>& out, int depth)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        std::string t = collapse(n->content);
        if (!t.empty())
            out.push_back(Inline::make_text(std::move(t)));
        return;
    }
    if (n->type != XML_ELEMENT_NODE || skipped(n, ctx))
        return;
    if (depth > ctx.max_depth) {
        COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
            out.push_back(Inline::make_text(" " + dom::text_of(n) + " "));
        COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
        return;
    }
    const std::string_view t = dom::tag_of(n);
    if (ctx.in_note && is_backlink_element(n))
        return;
    if (t == "br") {
        out.push_back(Inline{InlineKind::LineBreak, {}, {}, {}});
        return;
    }
    if (t == "img" || t == "hr" || t == "wbr" || t == "picture" || t == "source")
        return;
    if (t == "a") {
        const std::string_view href = dom::attr_view(n, "href");
        if (is_in_page(href, ctx.page_url)) {
            const std::string frag(fragment_of(href));
            const auto it = ctx.note_marks.find(frag);
            if (it != ctx.note_marks.end() && !ctx.in_note) {
                out.push_back(Inline::make_note_ref(it->second.note_id, it->second.label));
                return;
            }
            if (ctx.in_note && is_backlink_text(dom::text_of(n)))
                return;
            inlines_of(n, ctx, out, depth + 1); // an in-page anchor that is not a note: plain text
            return;
        }
        std::vector<Inline> kids;
        inlines_of(n, ctx, kids, depth + 1);
        const std::string target = resolve_link(href, ctx.base_url);
        if (target.empty()) {
            out.insert(out.end(), kids.begin(), kids.end());
            return;
        }
        out.push_back(Inline::make_link(target, std::move(kids)));
        return;
    }
    if (is_code_tag(t)) {
        std::vector<Inline> kids;
        inlines_of(n, ctx, kids, depth + 1);
        as_code(kids);
        out.insert(out.end(), std::make_move_iterator(kids.begin()),
                   std::make_move_iterator(kids.end()));
        return;
    }
    InlineKind kind = InlineKind::Text;
    if (t == "em" || t == "i" || t == "cite" || t == "dfn" || t == "var")
        kind = InlineKind::Italic;
    else if (t == "strong" || t == "b")
        kind = InlineKind::Bold;
    else if (t == "sup")
        kind = InlineKind::Superscript;
    else if (t == "sub")
        kind = InlineKind::Subscript;
    const bool block = dom::is_block_tag(t);
    if (block)
        out.push_back(Inline::make_text(" "));
    if (kind == InlineKind::Text) {
        inlines_of(n, ctx, out, depth + 1);
    } else {
        std::vector<Inline> kids;
        inlines_of(n, ctx, kids, depth + 1);
        // A superscript that only wraps a note mark is the mark itself.
        if (kind == InlineKind::Superscript) {
            std::size_t refs = 0, other = 0;
            for (const Inline& k : kids) {
                if (k.kind == InlineKind::NoteRef)
                    ++refs;
                else if (!(k.kind == InlineKind::Text && core::trim(k.text).find_first_not_of("[](),") ==
                                                             std::string_view::npos))
                    ++other;
            }
            if (refs > 0 && other == 0) {
                for (Inline& k : kids)
                    if (k.kind == InlineKind::NoteRef)
                        out.push_back(std::move(k));
                return;
            }
        }
        if (!kids.empty())
            out.push_back(Inline::make_span(kind, std::move(kids)));
    }
    if (block)
        out.push_back(Inline::make_text(" "));
}

void inlines_of(xmlNode* parent, BlockContext& ctx, std::vector<Inline>& out, int depth)
{
    for (xmlNode* c = parent->children; c != nullptr; c = c->next)
        inline_node(c, ctx, out, depth);
}

void append_space(std::vector<Inline> &out, bool &prev_space)
{
    if (!out.empty() && out.back().kind == InlineKind::Text)
        out.back().text += ' ';
    else
        out.push_back(Inline::make_text(" "));
    prev_space = true;
}

void squeeze(std::vector<Inline>& v, bool& prev_space)
{
    std::vector<Inline> out;
    out.reserve(v.size());
    for (Inline& x : v) {
        switch (x.kind) {
        case InlineKind::Text: {
            if (prev_space && !x.text.empty() && x.text.front() == ' ')
                x.text.erase(0, 1);
            if (x.text.empty())
                continue;
            prev_space = x.text.back() == ' ';
            if (!out.empty() && out.back().kind == InlineKind::Text)
                out.back().text += x.text;
            else
                out.push_back(std::move(x));
            continue;
        }
        case InlineKind::LineBreak:
            if (!out.empty() && out.back().kind == InlineKind::Text && !out.back().text.empty() &&
                out.back().text.back() == ' ')
                out.back().text.pop_back();
            prev_space = true;
            out.push_back(std::move(x));
            continue;
        case InlineKind::NoteRef:
            prev_space = false;
            out.push_back(std::move(x));
            continue;
        case InlineKind::Code: {
            // Spaces at a code run's edges belong to the sentence around it.
            const bool lead = x.text.starts_with(' ');
            if (lead)
                x.text.erase(0, 1);
            const bool trail = x.text.ends_with(' ');
            if (trail)
                x.text.pop_back();
            if (lead && !prev_space)
                append_space(out, prev_space);
            if (!x.text.empty()) {
                out.push_back(std::move(x));
                prev_space = false;
            }
            if (trail && !prev_space)
                append_space(out, prev_space);
            continue;
        }
        default:
            squeeze(x.children, prev_space);
            if (x.children.empty())
                continue;
            out.push_back(std::move(x));
            continue;
        }
    }
    v = std::move(out);
}

// Drops trailing spaces and line breaks; true when something visible remains.
bool trim_end(std::vector<Inline>& v)
{
    while (!v.empty()) {
        Inline& x = v.back();
        if (x.kind == InlineKind::Text) {
            while (!x.text.empty() && x.text.back() == ' ')
                x.text.pop_back();
            if (!x.text.empty())
                return true;
        } else if (x.kind == InlineKind::LineBreak) {
        } else if (x.kind == InlineKind::NoteRef || x.kind == InlineKind::Code) {
            return true;
        } else if (trim_end(x.children)) {
            return true;
        }
        v.pop_back();
    }
    return false;
}

// Drops leading line breaks left after trimming.
void trim_start(std::vector<Inline>& v)
{
    while (!v.empty() && v.front().kind == InlineKind::LineBreak)
        v.erase(v.begin());
}

bool all_of_kind(const std::vector<Inline>& v, InlineKind kind)
{
    bool any = false;
    for (const Inline& x : v) {
        if (x.kind == kind) {
            any = true;
            continue;
        }
        if (x.kind == InlineKind::Text && core::trim(x.text).empty())
            continue;
        if (x.kind == InlineKind::LineBreak)
            continue;
        if ((x.kind == InlineKind::Link || x.kind == InlineKind::Bold || x.kind == InlineKind::Italic) &&
            all_of_kind(x.children, kind)) {
            any = true;
            continue;
        }
        return false;
    }
    return any;
}

bool has_visible(const std::vector<Inline>& v)
{
    for (const Inline& x : v) {
        if ((x.kind == InlineKind::Text || x.kind == InlineKind::Code) &&
            !core::trim(x.text).empty())
            return true;
        if (x.kind == InlineKind::NoteRef)
            return true;
        if (has_visible(x.children))
            return true;
    }
    return false;
}

class Builder
{
public:
    Builder(BlockContext& ctx, std::vector<Block>& out) : ctx_(ctx), out_(out) {}

    // Blocks for the children of `parent`. Wrappers (div, section, a <p> holding blocks, ...) are
    // descended through an explicit stack, not the call stack, so deep nesting costs heap only;
    // each finished wrapper closes the paragraph collected in it, as its end tag does.
    void container(xmlNode* parent, int depth)
    {
        std::vector<std::pair<xmlNode*, int>> stack; // next child to read, depth of the wrapper
        stack.emplace_back(parent->children, depth);
        while (!stack.empty()) {
            xmlNode* c = stack.back().first;
            const int d = stack.back().second;
            if (c == nullptr) {
                stack.pop_back();
                flush();
                continue;
            }
            stack.back().first = c->next;
            if (xmlNode* wrapper = child(c, d))
                stack.emplace_back(wrapper->children, d + 1);
        }
    }

private:
    // Handles one child node; returns it when it is a wrapper whose children are to be read next.
    xmlNode* child(xmlNode* c, int depth)
    {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            pending(c);
            return nullptr;
        }
        if (c->type != XML_ELEMENT_NODE)
            return nullptr;
        const std::string_view t = dom::tag_of(c);
        if (skipped(c, ctx_)) {
            if (dom::is_block_tag(t))
                flush();
            return nullptr;
        }
        if (t == "br") {
            // Two line breaks in a row separate paragraphs in pages without <p>.
            const xmlNode* nx = c->next;
            while (nx != nullptr && nx->type == XML_TEXT_NODE && core::trim(collapse(nx->content)).empty())
                nx = nx->next;
            if (!pend_.empty() && nx != nullptr && dom::tag_of(nx) == "br") {
                flush();
                return nullptr;
            }
            pending(c);
            return nullptr;
        }
        if (!dom::is_block_tag(t) && t != "figure" && t != "img" && t != "picture") {
            pending(c);
            return nullptr;
        }
        flush();
        if (depth > ctx_.max_depth)
            return nullptr;
        const NodeFacts& f = (*ctx_.facts)[c];
        // A link-dense cluster inside the content (related links, tag lists); a long paragraph is
        // prose even when a hover card stuffed links into it.
        if (ctx_.filter_chrome && !dom::is_heading(c) && f.letters > 0 &&
            f.link_letters * 2 > f.letters && f.good_letters * 2 < f.letters &&
            !(t == "p" && f.letters >= linked_prose_min_letters))
            return nullptr;
        if (dom::is_heading(c)) {
            Block b;
            b.kind = BlockKind::Heading;
            b.level = dom::heading_level(c);
            b.content = build_inlines(c, ctx_);
            if (has_visible(b.content))
                emit(std::move(b), c);
        } else if (t == "p" || t == "dt" || t == "dd" || t == "figcaption" || t == "address" ||
                   t == "summary") {
            if (has_block_children(c))
                return c;
            Block b;
            b.kind = BlockKind::Paragraph;
            b.content = build_inlines(c, ctx_);
            if (has_visible(b.content))
                emit(std::move(b), c);
        } else if (t == "ul" || t == "ol" || t == "menu" || t == "dir") {
            list(c, depth);
        } else if (t == "blockquote") {
            Block b;
            b.kind = BlockKind::Quote;
            Builder(ctx_, b.children).container(c, depth + 1);
            if (!b.children.empty())
                emit(std::move(b), c);
        } else if (t == "pre") {
            Block b;
            b.kind = BlockKind::Code;
            std::string raw;
            dom::append_raw_text(c, raw);
            while (!raw.empty() && (raw.back() == '\n' || raw.back() == ' '))
                raw.pop_back();
            while (!raw.empty() && raw.front() == '\n')
                raw.erase(0, 1);
            if (!core::trim(raw).empty()) {
                b.content.push_back(Inline::make_text(std::move(raw)));
                emit(std::move(b), c);
            }
        } else if (t == "table") {
            table(c, depth);
        } else if (t == "figure") {
            figure(c, depth);
        } else if (t == "img" || t == "picture" || t == "hr") {
            // images outside a figure carry no text of their own
        } else {
            return c;
        }
        return nullptr;
    }

    static bool has_block_children(const xmlNode* n)
    {
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
            const std::string_view t = dom::tag_of(c);
            if (!t.empty() && t != "br" && dom::is_block_tag(t))
                return true;
        }
        return false;
    }

    void list(xmlNode* l, int depth)
    {
        Block b;
            b.kind = BlockKind::List;
            b.ordered = dom::tag_of(l) == "ol";
            b.start = list_start(l);
            for (xmlNode *li = l->children; li != nullptr; li = li->next) {
                if (li->type != XML_ELEMENT_NODE || skipped(li, ctx_))
                    continue;
                if (dom::tag_of(li) != "li") {
                    if (dom::tag_of(li) == "ul" || dom::tag_of(li) == "ol") {
                        Block item;
                        item.kind = BlockKind::Item;
                        std::vector<Block> nested;
                        Builder(ctx_, nested).list(li, depth + 1);
                        item.children = std::move(nested);
                        if (!item.children.empty())
                            b.children.push_back(std::move(item));
                    }
                    continue;
                }
                Block item;
                item.kind = BlockKind::Item;
                set_source(item, li);
                std::vector<Inline> content;
                for (xmlNode *k = li->children; k != nullptr; k = k->next) {
                    const std::string_view kt = dom::tag_of(k);
                    if ((kt == "ul" || kt == "ol") && !skipped(k, ctx_)) {
                        Builder(ctx_, item.children).list(k, depth + 1);
                        continue;
                    }
                    inline_node(k, ctx_, content, depth + 1);
                }
                normalize_inlines(content);
                item.content = std::move(content);
                if (has_visible(item.content) || !item.children.empty())
                    b.children.push_back(std::move(item));
        }
        if (!b.children.empty())
            emit(std::move(b), l);
    }

    // A table that lays out the page (a cell holding paragraphs, or nested tables) is read as a
    // container; a data table becomes rows and cells.
    void table(xmlNode* tb, int depth)
    {
        std::vector<xmlNode*> rows;
        bool layout = false;
        for (xmlNode* n = tb->children; n != nullptr; n = n->next) {
            const std::string_view t = dom::tag_of(n);
            if (t == "tr")
                rows.push_back(n);
            else if (t == "thead" || t == "tbody" || t == "tfoot")
                for (xmlNode* r = n->children; r != nullptr; r = r->next)
                    if (dom::tag_of(r) == "tr")
                        rows.push_back(r);
        }
        for (xmlNode* r : rows)
            for (xmlNode* cell = r->children; cell != nullptr && !layout; cell = cell->next) {
                const std::string_view ct = dom::tag_of(cell);
                if (ct != "td" && ct != "th")
                    continue;
                for (xmlNode* k = cell->children; k != nullptr; k = k->next) {
                    const std::string_view kt = dom::tag_of(k);
                    if (kt == "table" || kt == "p" || kt == "div" || kt == "ul" || kt == "ol" ||
                        dom::is_heading(k)) {
                        layout = true;
                        break;
                    }
                }
                if ((*ctx_.facts)[cell].good_letters > layout_cell_min_good_letters)
                    layout = true;
            }
        if (layout || rows.empty()) {
            for (xmlNode* r : rows)
                for (xmlNode* cell = r->children; cell != nullptr; cell = cell->next)
                    if (cell->type == XML_ELEMENT_NODE && !skipped(cell, ctx_))
                        container(cell, depth + 1);
            return;
        }
        Block b;
        b.kind = BlockKind::Table;
        for (xmlNode* r : rows) {
            if (skipped(r, ctx_))
                continue;
            Block row;
            row.kind = BlockKind::Row;
            set_source(row, r);
            for (xmlNode* cell = r->children; cell != nullptr; cell = cell->next) {
                const std::string_view ct = dom::tag_of(cell);
                if (ct != "td" && ct != "th")
                    continue;
                Block c;
                c.kind = BlockKind::Cell;
                c.header = ct == "th";
                set_source(c, cell);
                c.content = build_inlines(cell, ctx_);
                row.children.push_back(std::move(c));
            }
            if (!row.children.empty())
                b.children.push_back(std::move(row));
        }
        if (!b.children.empty())
            emit(std::move(b), tb);
    }

    void figure(xmlNode* fig, int depth)
    {
        xmlNode* img = nullptr;
        xmlNode* caption = nullptr;
        bool other = false;
        for (xmlNode *n = fig; n != nullptr; n = dom::next_in_order(n, fig)) {
            const std::string_view t = dom::tag_of(n);
            if (t == "img" && img == nullptr)
                img = n;
            else if (t == "figcaption" && caption == nullptr)
                caption = n;
            else if (t == "blockquote" || t == "table" || t == "pre" || t == "p" || t == "ul" || t == "ol")
                other = other || caption == nullptr || !dom::is_ancestor(caption, n);
        }
        if (other && img == nullptr) {
            container(fig, depth + 1);
            return;
        }
        Block b;
            b.kind = BlockKind::Figure;
        if (img != nullptr) {
            std::string_view src = dom::attr_view(img, "src");
            if (src.empty() || src.starts_with("data:"))
                src = dom::attr_view(img, "data-src");
            b.target = resolve_link(src, ctx_.base_url);
        }
        if (caption != nullptr && !skipped(caption, ctx_))
            b.content = build_inlines(caption, ctx_);
        if (!b.target.empty() || has_visible(b.content))
            emit(std::move(b), fig);
    }

    void pending(xmlNode* n)
    {
        if (pend_.empty() && (n->type == XML_TEXT_NODE) && core::trim(collapse(n->content)).empty())
            return;
        pend_.push_back(n);
    }

    void flush()
    {
        if (pend_.empty())
            return;
        std::vector<Inline> content;
        for (xmlNode* n : pend_)
            inline_node(n, ctx_, content, 0);
        xmlNode* first = pend_.front();
        pend_.clear();
        normalize_inlines(content);
        if (!has_visible(content))
            return;
        Block b;
            b.kind = BlockKind::Paragraph;
        b.content = std::move(content);
        emit(std::move(b), first);
    }

    void emit(Block b, const xmlNode* n)
    {
        set_source(b, n);
        out_.push_back(std::move(b));
    }

    BlockContext& ctx_;
    std::vector<Block>& out_;
    std::vector<xmlNode*> pend_;
};

} // namespace

void normalize_inlines(std::vector<Inline>& inlines)
{
    bool prev_space = true;
    squeeze(inlines, prev_space);
    trim_end(inlines);
    trim_start(inlines);
}

std::vector<Inline> build_inlines(xmlNode* node, BlockContext& ctx)
{
    std::vector<Inline> out;
    inlines_of(node, ctx, out, 0);
    normalize_inlines(out);
    return out;
}

int list_start(const xmlNode *list)
{
    const std::string_view start = core::trim(dom::attr_view(list, "start"));
    int n = 0;
    const auto [end, error] = std::from_chars(start.data(), start.data() + start.size(), n);
    return error == std::errc() && end == start.data() + start.size() && n >= 0 && n < 1'000'000
               ? n
               : 1;
}

std::vector<Block> build_blocks(xmlNode* container, BlockContext& ctx)
{
    std::vector<Block> out;
    Builder(ctx, out).container(container, 0);
    return out;
}

bool is_all_italic(const std::vector<Inline>& inlines)
{
    return all_of_kind(inlines, InlineKind::Italic);
}

bool is_all_bold(const std::vector<Inline>& inlines)
{
    return all_of_kind(inlines, InlineKind::Bold);
}

} // namespace colophon::html
