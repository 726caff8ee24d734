#include "html/html_byline.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/text.h"
#include "dom/html_dom.h"
#include "hints/class_hints.h"
#include "html/html_cleaning.h"
#include "html/html_links.h"

#include <algorithm>

namespace colophon::html {

namespace {

std::string lower(std::string_view s)
{
    return core::to_lower(s);
}

bool similar_title(const std::string& visible, const std::string& declared)
{
    if (visible.empty() || declared.empty())
        return false;
    const std::string v = lower(visible), d = lower(declared);
    return v == d || d.find(v) != std::string::npos || v.find(d) != std::string::npos;
}

xmlNode* next_element(xmlNode* n)
{
    for (xmlNode* s = n->next; s != nullptr; s = s->next) {
        if (s->type == XML_ELEMENT_NODE)
            return s;
        if (s->type == XML_TEXT_NODE &&
            dom::count_letters(reinterpret_cast<const char *>(s->content)) > 0)
            return nullptr;
    }
    return nullptr;
}

bool token_hint(const xmlNode* n, std::initializer_list<std::string_view> words)
{
    if (dom::attr_view(n, "class").empty() && dom::attr_view(n, "id").empty())
        return false;
    const std::string ci = dom::class_and_id(n);
    for (std::string_view w : words)
        if (ci.find(w) != std::string::npos)
            return true;
    return false;
}

// Letters under an element; inline elements keep none in the facts table (their text counts
// for the block around them), so theirs are counted here.
int letters_of(FactsTable& facts, const xmlNode* n)
{
    if (dom::is_block_tag(dom::tag_of(n)))
        return facts[n].raw_letters;
    return dom::letters_of(n);
}

// Cheap check on the first words before the whole text is assembled: provenance lines start with
// one of a few letters ("Originally", "First", "This", "Republished", "A version", Cyrillic).
bool starts_like_provenance(const xmlNode* n)
{
    const xmlNode* t = n;
    while (t != nullptr && !(t->type == XML_TEXT_NODE &&
                             dom::count_letters(reinterpret_cast<const char *>(t->content)) > 0))
        t = dom::next_in_order(const_cast<xmlNode *>(t), n);
    if (t == nullptr)
        return false;
    const std::string_view s = core::trim(reinterpret_cast<const char*>(t->content));
    if (s.empty())
        return false;
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return c == 'o' || c == 'f' || c == 't' || c == 'r' || c == 'a' || static_cast<unsigned char>(s[0]) >= 0x80;
}

} // namespace

bool is_provenance_text(std::string_view text)
{
    const std::string t = lower(core::trim(text).substr(0, 80));
    static const char* starts[] = {"originally published", "first published", "this article was originally published",
                                   "this article originally appeared", "this article first appeared",
                                   "originally appeared", "this piece was originally published",
                                   "this commentary was originally published", "this op-ed was originally published",
                                   "this article was first published", "republished from", "a version of this article",
                                   "впервые опубликовано", "оригинал опубликован", "впервые опубликован",
                                   "первоначально опубликовано", "статья впервые опубликована"};
    return std::any_of(std::begin(starts), std::end(starts), [&](const char* s) { return t.starts_with(s); });
}

VisibleTitle find_visible_title(FactsTable& facts, xmlNode* content, const std::vector<std::string>& declared)
{
    VisibleTitle vt;
    std::vector<xmlNode*> h1s, titled;
    for (xmlNode* e : facts.elements()) {
        if (dom::tag_of(e) == "h1")
            h1s.push_back(e);
        else if (dom::is_heading(e) && token_hint(e, {"title", "headline"}))
            titled.push_back(e);
    }
    auto matches = [&](xmlNode *h) {
        const std::string t = dom::text_of(h);
        return std::any_of(declared.begin(), declared.end(), [&](const std::string& d) { return similar_title(t, d); });
    };
    for (auto* list : {&h1s, &titled}) {
        for (xmlNode* h : *list)
            if (matches(h) && dom::letters_of(h, 0) > 0) {
                vt.title = h;
                break;
            }
        if (vt.title)
            break;
    }
    if (vt.title == nullptr) {
        // the first h1 in or just before the content
        for (xmlNode* h : h1s)
            if (!facts[h].excluded && dom::letters_of(h, 0) > 0 &&
                (dom::is_ancestor(content, h) || dom::is_ancestor(h->parent->parent, content) ||
                 declared.empty())) {
                vt.title = h;
                break;
            }
    }
    if (vt.title == nullptr)
        return vt;
    // A subtitle: the next heading right after the title, or an element that says it is one.
    xmlNode* next = next_element(vt.title);
    if (next == nullptr && vt.title->parent != nullptr &&
        (dom::tag_of(vt.title->parent) == "hgroup" || dom::tag_of(vt.title->parent) == "div" ||
         dom::tag_of(vt.title->parent) == "header")) {
        // <header><h1>..</h1></header><h2>..</h2> is the same thing one level up
        xmlNode* only = vt.title->parent;
        if (next_element(vt.title) == nullptr)
            next = nullptr;
        (void)only;
    }
    if (next != nullptr) {
        const int level = dom::heading_level(next);
        const bool hinted = token_hint(next, {"subtitle", "sub-title", "subhead", "dek", "deck", "strapline", "kicker"});
        const std::string text = dom::text_of(next);
        const int letters = dom::count_letters(text);
        if ((level > dom::heading_level(vt.title) ||
             (hinted && level == 0 && dom::tag_of(next) != "p") ||
             (hinted && dom::tag_of(next) == "p" && letters < 200)) &&
            letters > 0 && letters < 250)
            vt.subtitle = next;
    }
    facts[vt.title].metadata = true;
    if (vt.subtitle)
        facts[vt.subtitle].metadata = true;
    return vt;
}

xmlNode* article_region(xmlNode* content, xmlNode* title)
{
    xmlNode* region = content;
    for (xmlNode* p = content; p != nullptr; p = p->parent) {
        const std::string_view t = dom::tag_of(p);
        if (t == "article" || dom::is_main_region(p)) {
            region = p;
            break;
        }
        if (t == "body")
            break;
    }
    if (title != nullptr && !dom::is_ancestor(region, title)) {
        // widen to the lowest common ancestor, unless that is the whole page
        for (xmlNode* p = region->parent; p != nullptr; p = p->parent) {
            if (dom::tag_of(p) == "body" || dom::tag_of(p) == "html")
                break;
            if (dom::is_ancestor(p, title)) {
                region = p;
                break;
            }
        }
    }
    return region;
}

std::vector<core::Author> extract_visible_bylines(FactsTable& facts, xmlNode* region, xmlNode* content)
{
    std::vector<core::Author> authors;
    // Bylines of other articles (related posts, an author list in the footer) also say
    // "author": the article's own are those near the first byline, within a few levels of it
    // (wcxb-dev authors: 2 levels 0.843, 3 0.842, 4 0.840, unlimited 0.838).
    constexpr int byline_block_levels = 3;
    const xmlNode *block = nullptr;
    auto add_all = [&](const std::vector<core::Author> &found, const xmlNode *at) {
        if (block == nullptr) {
            block = at;
            for (int k = 0; k < byline_block_levels && block->parent != nullptr && block != region;
                 ++k)
                block = block->parent;
        } else if (!dom::is_ancestor(block, at)) {
            return;
        }
        for (const core::Author& a : found) {
            const bool dup = std::any_of(authors.begin(), authors.end(), [&](const core::Author& b) {
                return lower(a.name) == lower(b.name);
            });
            if (!dup && !a.name.empty())
                authors.push_back(a);
        }
    };
    for (xmlNode* n = region; n != nullptr;) {
        if (n->type != XML_ELEMENT_NODE) {
            n = dom::next_skipping_children(n, region);
            continue;
        }
        const NodeFacts& f = facts[n];
        if (f.metadata) {
            n = dom::next_skipping_children(n, region);
            continue;
        }
        const std::string_view t = dom::tag_of(n);
        const bool hinted = token_hint(n, {"byline", "author", "writer", "contributor"}) &&
                            !token_hint(n, {"author-bio", "authorbio", "author-box", "about-author", "author-info"});
        const bool rel_author =
            t == "a" && dom::attr_view(n, "rel").find("author") != std::string_view::npos;
        const int hinted_letters = hinted || rel_author ? letters_of(facts, n) : 0;
        if ((hinted || rel_author) && hinted_letters > 0 && hinted_letters < 160) {
            const std::string text = dom::text_of(n);
            auto found = core::parse_byline(text);
            if (found.empty() && core::looks_like_person_name(text))
                found.push_back({text, {}, {}});
            if (!found.empty()) {
                add_all(found, n);
                // only take the line out of the body when it sits outside the running text
                if (!dom::is_ancestor(content, n) || hinted_letters < 120)
                    facts[n].metadata = true;
                n = dom::next_skipping_children(n, region);
                continue;
            }
        }
        // A pure wrapper says what its one child says; skipping it keeps chains of wrappers linear.
        if ((t == "p" || t == "div" || t == "span" || t == "address") && f.raw_letters > 0 &&
            f.raw_letters < 120 && !dom::is_pure_wrapper(n)) {
            const std::string text = dom::text_of(n);
            bool child_has_it = false;
            for (xmlNode* c = n->children; c != nullptr && !child_has_it; c = c->next)
                child_has_it =
                    c->type == XML_ELEMENT_NODE && core::has_byline_prefix(dom::text_of(c));
            if (!child_has_it && core::has_byline_prefix(text)) {
                const auto found = core::parse_byline(text);
                if (!found.empty()) {
                    add_all(found, n);
                    facts[n].metadata = true;
                    n = dom::next_skipping_children(n, region);
                    continue;
                }
            }
        }
        n = dom::next_in_order(n, region);
    }
    return authors;
}

// A class or id that names a user: "username", "poster", "creator", or "user" and "name" side
// by side ("message-userName", "user_name").
bool names_a_user(const xmlNode *n)
{
    if (hints::has_name_word(
            n, {"username", "bigusername", "poster", "creator", "author", "nickname"}))
        return true;
    for (const hints::ClassName &c : hints::class_names(n))
        for (std::size_t i = 0; i + 1 < c.words.size(); ++i)
            if (c.words[i] == "user" && c.words[i + 1] == "name")
                return true;
    return false;
}

std::vector<core::Author> extract_first_poster(FactsTable &facts, xmlNode *region)
{
    // A user name is short: a handle or a display name of a few words.
    constexpr int max_poster_letters = 40;
    constexpr std::size_t max_poster_words = 3;
    for (xmlNode *n = region; n != nullptr; n = dom::next_in_order(n, region)) {
        if (n->type != XML_ELEMENT_NODE || !names_a_user(n))
            continue;
        const std::string text = dom::text_of(n);
        const int letters = letters_of(facts, n);
        if (letters > 0 && letters <= max_poster_letters &&
            core::split_words(text).size() <= max_poster_words)
            return {{text, {}, {}}};
    }
    return {};
}

// "Kaspars Ozols · 20/11/2024" or "Published 12/02/2024" -> the date part as printed: the
// shortest run of whole words that still reads as the same date.
std::string narrow_date_text(const std::string& text, const std::string& language)
{
    const auto full = core::parse_date(text, language);
    if (!full)
        return text;
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t j = std::min(text.find(' ', i), text.size());
        if (j > i)
            words.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    std::string best = text;
    for (std::size_t a = 0; a < words.size(); ++a) {
        std::string cand;
        for (std::size_t b = a; b < words.size(); ++b) {
            cand += (b > a ? " " : "") + words[b];
            if (cand.size() >= best.size())
                break;
            std::string trimmed = cand;
            while (!trimmed.empty() && (trimmed.back() == ',' || trimmed.back() == '|' || trimmed.back() == '.'))
                trimmed.pop_back();
            const auto d = core::parse_date(trimmed, language);
            if (d && d->iso == full->iso && trimmed.size() < best.size()) {
                best = trimmed;
                break;
            }
        }
    }
    return best;
}

std::optional<core::PublicationDate> extract_visible_date(FactsTable& facts, xmlNode* region,
                                                          const std::string& language)
{
    // 1. <time datetime>
    for (xmlNode *n = region; n != nullptr; n = dom::next_in_order(n, region)) {
        if (dom::tag_of(n) != "time")
            continue;
        const std::string text = dom::text_of(n);
        auto d = core::parse_date(dom::attr_view(n, "datetime"), language);
        if (!d)
            d = core::find_date(text, language);
        if (d) {
            if (!text.empty())
                d->text = narrow_date_text(text, language);
            if (letters_of(facts, n) < 80)
                facts[n].metadata = true;
            return d;
        }
    }
    // 2. short elements that say they hold a date
    for (xmlNode *n = region; n != nullptr; n = dom::next_in_order(n, region)) {
        if (n->type != XML_ELEMENT_NODE || !token_hint(n, {"date", "posted-on", "published", "time", "dateline", "meta"}))
            continue;
        const int letters = letters_of(facts, n);
        if (letters == 0 || letters > 60)
            continue;
        const std::string text = dom::text_of(n);
        auto d = core::parse_date(text, language);
        if (!d)
            d = core::find_date(text, language);
        if (d) {
            d->text = narrow_date_text(text, language);
            facts[n].metadata = true;
            return d;
        }
    }
    return std::nullopt;
}

std::optional<core::OriginalSource> extract_provenance(FactsTable& facts, xmlNode* region, BlockContext& ctx)
{
    const auto candidate = [](std::string_view t) {
        return t == "p" || t == "div" || t == "span" || t == "em" || t == "i" || t == "small" || t == "aside";
    };
    for (xmlNode *n = region; n != nullptr; n = dom::next_in_order(n, region)) {
        if (!candidate(dom::tag_of(n)))
            continue;
        // a pure wrapper around another candidate: that one says the same (keeps chains linear)
        if (dom::is_pure_wrapper(n) && candidate(dom::tag_of(dom::first_element_child(n))))
            continue;
        if (facts[n].raw_letters == 0 || facts[n].raw_letters > 250 || !starts_like_provenance(n))
            continue;
        const std::string text = dom::text_of(n);
        if (!is_provenance_text(text))
            continue;
        core::OriginalSource src;
        src.text = text;
        for (xmlNode *k = n; k != nullptr; k = dom::next_in_order(k, n))
            if (dom::tag_of(k) == "a") {
                src.title = dom::text_of(k);
                src.url = resolve_link(dom::attr_view(k, "href"), ctx.base_url);
                break;
            }
        if (src.title.empty()) {
            // the words after "in (the)" up to the end of the clause
            std::string rest = text;
            const auto in = lower(rest).find(" in ");
            if (in != std::string::npos) {
                rest = rest.substr(in + 4);
                if (lower(rest).starts_with("the "))
                    rest = rest.substr(4);
                const auto stop = rest.find_first_of(".,;(");
                src.title = core::clean_text(rest.substr(0, stop));
            }
        }
        facts[n].metadata = true;
        // a wrapper holding nothing but this line goes too
        if (n->parent != nullptr && facts[n->parent].raw_letters == facts[n].raw_letters && n->parent != region)
            facts[n->parent].metadata = true;
        return src;
    }
    return std::nullopt;
}

xmlNode* find_marked_lede(FactsTable& facts, xmlNode* region, xmlNode* content)
{
    (void)content;
    for (xmlNode *n = region; n != nullptr; n = dom::next_in_order(n, region)) {
        if (n->type != XML_ELEMENT_NODE || facts[n].excluded || facts[n].metadata)
            continue;
        const std::string_view t = dom::tag_of(n);
        if (t != "p" && t != "div" && t != "h2" && t != "h3" && t != "section")
            continue;
        const int letters = facts[n].raw_letters;
        if (letters < 40 || letters > 1500)
            continue;
        if (token_hint(n, {"standfirst", "lede", "lead", "summary", "intro", "excerpt", "dek", "abstract",
                           "teaser", "subheadline"})) {
            // a wrapper of the whole body is not a lede, but a scholarly abstract may be all the
            // running text a landing page has
            const bool abstract = token_hint(n, {"abstract"});
            if (abstract ? (dom::is_ancestor(n, content) && n != content)
                         : (dom::is_ancestor(n, content) ||
                            facts[n].good_letters * 2 > facts[content].good_letters))
                continue;
            return n;
        }
    }
    return nullptr;
}

bool take_end_bio(std::vector<core::Block>& body, std::vector<core::Author>& authors)
{
    if (body.size() < 3)
        return false;
    const core::Block& name_block = body[body.size() - 2];
    const core::Block& aff_block = body.back();
    if (name_block.kind != core::BlockKind::Paragraph || aff_block.kind != core::BlockKind::Paragraph)
        return false;
    const std::string name = core::clean_text(core::plain_text(name_block.content));
    const std::string aff = core::clean_text(core::plain_text(aff_block.content));
    if (!core::looks_like_person_name(name) || aff.empty() || aff.size() > 200 || core::looks_like_person_name(aff))
        return false;
    const bool known = std::any_of(authors.begin(), authors.end(),
                                   [&](const core::Author& a) { return lower(a.name) == lower(name); });
    const bool set_off = is_all_bold(name_block.content) || is_all_italic(name_block.content);
    if (!known && !set_off)
        return false;
    // an affiliation line is short and not a sentence
    if (aff.back() == '.' && aff.find(". ") != std::string::npos)
        return false;
    bool merged = false;
    for (core::Author& a : authors)
        if (lower(a.name) == lower(name)) {
            if (a.affiliation.empty())
                a.affiliation = aff;
            merged = true;
        }
    if (!merged)
        authors.push_back({name, aff, {}});
    body.pop_back();
    body.pop_back();
    return true;
}

namespace {

constexpr std::size_t max_note_words = 150;

// The subject of a short text that introduces someone or something.
std::optional<core::IntroducedSubject> introduction(std::string_view text)
{
    const std::string t = core::clean_text(text);
    // clean_text leaves one space between words: a note of more than max_note_words words has
    // that many spaces
    if (static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) >= max_note_words)
        return std::nullopt;
    return core::introduced_subject(t);
}

} // namespace

bool take_author_note(std::string_view text, std::vector<core::Author>& authors)
{
    const auto intro = introduction(text);
    if (!intro)
        return false;
    const std::string subject = lower(intro->subject);
    const auto author =
        std::find_if(authors.begin(), authors.end(), [&](const core::Author& a) { return lower(a.name) == subject; });
    if (author == authors.end())
        return false;
    if (author->affiliation.empty())
        author->affiliation = intro->affiliation;
    return true;
}

bool take_author_notes(std::vector<core::Block>& body, core::Metadata& meta)
{
    const std::string publisher = lower(meta.publisher);
    auto is_publisher = [&](const std::string& subject) {
        // "Ascom" or "Ascom Holding AG" on a site that calls itself "Ascom"
        return !publisher.empty() && (subject == publisher || subject.starts_with(publisher + " ") ||
                                      publisher.starts_with(subject + " "));
    };
    auto paragraph_text = [](const core::Block &b) {
        return b.kind == core::BlockKind::Paragraph ? core::plain_text(b.content) : std::string();
    };
    const std::size_t before = body.size();
    // 1. a note about an author, wherever the page put it (a bio box by the byline or at the end)
    std::erase_if(body, [&](const core::Block &b) {
        return body.size() > 2 && take_author_note(paragraph_text(b), meta.authors);
    });
    // 2. notes about the publisher closing the text
    bool closing = false;
    while (body.size() > 2) {
        const auto intro = introduction(paragraph_text(body.back()));
        if (!intro || !is_publisher(lower(intro->subject)))
            break;
        body.pop_back();
        closing = true;
    }
    // an "About ..." heading left with nothing under it
    while (closing && !body.empty() && body.back().kind == core::BlockKind::Heading)
        body.pop_back();
    return body.size() != before;
}

} // namespace colophon::html
