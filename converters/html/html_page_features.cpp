#include "html/html_page_features.h"

#include "dom/html_dom.h"
#include "hints/class_hints.h"
#include "html/html_page_cards.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

namespace colophon::html {

namespace {

// Words of class names and ids that the kinds of page use for their parts; each group is one
// feature (how many elements carry one of its words). General vocabulary of page builders and
// CMSs, not any one site's names.
struct WordGroup
{
    std::string_view name;
    std::array<std::string_view, 12> words;
};
constexpr std::array<WordGroup, 7> word_groups = {{
    // not "post": WordPress names every article a post
    {"post", {"comment", "comments", "reply", "replies", "message", "thread", "topic", "answer", "question",
              "forum", "vote", "avatar"}},
    {"card", {"card", "tile", "item", "items", "grid", "teaser", "listing", "result", "results", "entry", "list",
              "feed"}},
    {"product", {"product", "price", "cart", "basket", "buy", "sku", "stock", "rating", "reviews", "variant", "shop",
                 "checkout"}},
    {"doc", {"doc", "docs", "toc", "sidebar", "breadcrumb", "breadcrumbs", "api", "code", "highlight", "syntax",
             "method", "version"}},
    {"article", {"article", "story", "byline", "headline", "author", "dateline", "share", "tags", "related", "lede",
                 "standfirst", "published"}},
    {"service", {"service", "services", "feature", "features", "hero", "cta", "pricing", "plan", "contact",
                 "benefit", "testimonial", "team"}},
    {"pager", {"pagination", "pager", "paging", "page", "next", "prev", "previous", "filter", "filters", "sort",
               "facet", "more"}},
}};

// Elements counted one feature each (log of the count).
constexpr std::array<std::string_view, 27> counted_tags = {
    "p",     "li",   "a",      "h1",    "h2",       "h3",     "h4",    "article", "section",
    "aside", "nav",  "table",  "tr",    "pre",      "code",   "form",  "input",   "button",
    "select", "img", "time",   "dl",    "blockquote", "figure", "iframe", "textarea", "footer"};

// A paragraph this long is prose (articles, documentation) rather than a card's blurb.
constexpr int prose_paragraph_letters = 200;
// Siblings of one signature (tag and first class name) this many times over form a repeated
// structure: cards, rows, posts.
constexpr std::size_t repeated_min = 3;

bool skipped_subtree(std::string_view tag)
{
    return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "svg";
}

std::string_view enclosing_text_tag(const xmlNode* text)
{
    for (const xmlNode* p = text->parent; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const std::string_view t = dom::tag_of(p);
        if (t == "p" || t == "li" || t == "a" || t == "h1" || t == "h2" || t == "h3" || t == "pre" || t == "td")
            return t;
    }
    return {};
}

// "$12", "€ 9,99", "12.50 €", "£3": a currency sign beside a digit.
int count_prices(std::string_view text)
{
    static constexpr std::array<std::string_view, 6> signs = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "USD",
                                                              "EUR"};
    int n = 0;
    for (const std::string_view sign : signs)
        for (std::size_t at = text.find(sign); at != std::string_view::npos; at = text.find(sign, at + 1)) {
            const std::size_t after = at + sign.size();
            std::size_t next = after;
            while (next < text.size() && text[next] == ' ')
                ++next;
            const bool digit_after = next < text.size() && std::isdigit(static_cast<unsigned char>(text[next]));
            std::size_t before = at;
            while (before > 0 && text[before - 1] == ' ')
                --before;
            const bool digit_before = before > 0 && std::isdigit(static_cast<unsigned char>(text[before - 1]));
            n += digit_after || digit_before ? 1 : 0;
        }
    return n;
}

struct Tally
{
    std::map<std::string_view, int> tags;
    std::array<int, word_groups.size()> groups{};
    int letters = 0;
    std::map<std::string_view, int> letters_in; // by enclosing p, li, a, h1-3, pre, td
    int prose_paragraphs = 0;
    int paragraphs_with_text = 0;
    int paragraph_letters = 0;
    int prices = 0;
    std::size_t largest_repeat = 0;
    int repeated_groups = 0;
    CardTally cards;
};

// The groups (bits in word_groups' order) a word of a class name belongs to; one lookup where
// testing the groups' tables in turn compared every word 84 times.
unsigned word_group_bits(std::string_view word)
{
    static const std::unordered_map<std::string_view, unsigned> bits = [] {
        std::unordered_map<std::string_view, unsigned> m;
        for (std::size_t g = 0; g < word_groups.size(); ++g)
            for (const std::string_view w : word_groups[g].words)
                m[w] |= 1U << g;
        return m;
    }();
    const auto it = bits.find(word);
    return it == bits.end() ? 0 : it->second;
}

// One count per class name (or id) and group.
void tally_names(const xmlNode* n, Tally& t)
{
    hints::any_class_name(n, [&](const hints::ClassNameView &c) {
        unsigned groups = 0;
        for (const std::string_view w : c.words)
            groups |= word_group_bits(w);
        for (std::size_t g = 0; g < word_groups.size(); ++g)
            t.groups[g] += (groups >> g) & 1U;
        return false;
    });
}

void tally_repeats(const xmlNode* parent, Tally& t)
{
    // fewer element children than a repeat needs: no signature to read
    std::size_t children = 0;
    for (const xmlNode *c = parent->children; c != nullptr; c = c->next)
        children += c->type == XML_ELEMENT_NODE ? 1 : 0;
    if (children < repeated_min)
        return;
    std::map<std::string, std::vector<const xmlNode *>> signatures;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        std::string signature(dom::tag_of(c));
        if (const std::string first = hints::first_class_name(c); !first.empty())
            signature += "." + first;
        signatures[signature].push_back(c);
    }
    for (const auto &[signature, members] : signatures)
        if (members.size() >= repeated_min) {
            ++t.repeated_groups;
            t.largest_repeat = std::max(t.largest_repeat, members.size());
            t.cards.repeated_siblings(members);
        }
}

Tally tally_tree(xmlNode* root)
{
    Tally t;
    for (xmlNode* n = root; n != nullptr;) {
        if (n->type == XML_ELEMENT_NODE) {
            const std::string_view tag = dom::tag_of(n);
            if (skipped_subtree(tag)) {
                n = dom::next_skipping_children(n, root);
                continue;
            }
            ++t.tags[tag];
            tally_names(n, t);
            tally_repeats(n, t);
            t.cards.element(n);
            if (tag == "p") {
                const int letters = dom::letters_of(n);
                t.paragraphs_with_text += letters > 0 ? 1 : 0;
                t.paragraph_letters += letters;
                t.prose_paragraphs += letters >= prose_paragraph_letters ? 1 : 0;
            }
        } else if (n->type == XML_TEXT_NODE && n->content != nullptr) {
            const std::string_view text(reinterpret_cast<const char*>(n->content));
            const int letters = dom::count_letters(text);
            t.letters += letters;
            t.letters_in[enclosing_text_tag(n)] += letters;
            t.prices += count_prices(text);
            t.cards.text(n, letters);
        }
        n = dom::next_in_order(n, root);
    }
    return t;
}

float log_count(double n)
{
    return static_cast<float>(std::log1p(std::max(0.0, n)));
}

float share(int part, int whole)
{
    return whole > 0 ? static_cast<float>(part) / static_cast<float>(whole) : 0.0F;
}

// The address: how deep, how many words its last part has (article slugs are long), numbers in it
// (dates, ids), a query, and which kinds its segments name. Whether the page declares an address
// at all is no feature: on wcxb-dev the pages that declare none are mostly forum threads, which
// says how they were saved, not what they are (it read small articles as forums).
void add_address(const std::string& url, std::vector<float>& row)
{
    const std::vector<std::string> segments = path_segments(url);
    const std::string last = segments.empty() ? std::string() : segments.back();
    int slug_words = last.empty() ? 0 : 1;
    int digits = 0;
    for (const char c : last) {
        slug_words += c == '-' || c == '_' ? 1 : 0;
        digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    row.push_back(static_cast<float>(segments.size()));
    row.push_back(static_cast<float>(slug_words));
    row.push_back(static_cast<float>(digits));
    row.push_back(url.find('?') != std::string::npos ? 1.0F : 0.0F);
    for (const PageProfile& kind : page_kinds()) {
        int named = 0;
        for (const std::string& s : segments)
            named += kind_named_by_path_segment(s) == kind.type ? 1 : 0;
        row.push_back(static_cast<float>(named));
    }
}

void add_declarations(const PageSignals& signals, std::vector<float>& row)
{
    for (const PageProfile& kind : page_kinds()) {
        const bool declared = std::any_of(signals.schema_types.begin(), signals.schema_types.end(),
                                          [&](const std::string& t) { return kind_of_schema_type(t) == kind.type; });
        row.push_back(declared ? 1.0F : 0.0F);
    }
    for (const std::string_view og : {"article", "product", "website"})
        row.push_back(signals.og_type == og ? 1.0F : 0.0F);
    row.push_back(signals.article_body.empty() ? 0.0F : 1.0F);
    row.push_back(static_cast<float>(signals.schema_types.size()));
}

void add_markup(const Tally& t, std::vector<float>& row)
{
    for (const std::string_view tag : counted_tags) {
        const auto it = t.tags.find(tag);
        row.push_back(log_count(it == t.tags.end() ? 0 : it->second));
    }
    for (const int g : t.groups)
        row.push_back(log_count(g));
    row.push_back(log_count(t.letters));
    for (const std::string_view in : {"p", "li", "a", "h1", "h2", "h3", "pre", "td"}) {
        const auto it = t.letters_in.find(in);
        row.push_back(share(it == t.letters_in.end() ? 0 : it->second, t.letters));
    }
    row.push_back(log_count(t.prose_paragraphs));
    row.push_back(share(t.prose_paragraphs, t.paragraphs_with_text));
    row.push_back(log_count(t.prices));
    row.push_back(log_count(static_cast<double>(t.largest_repeat)));
    row.push_back(log_count(t.repeated_groups));
    // a card's blurb is a sentence or two, an article's paragraph several
    row.push_back(
        log_count(t.paragraphs_with_text > 0 ? t.paragraph_letters / t.paragraphs_with_text : 0));
    t.cards.add_to(row);
}

} // namespace

const std::vector<std::string>& page_feature_names()
{
    // The order of add_address, add_declarations and add_markup.
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n = {"url_segments", "url_slug_words", "url_digits", "url_query"};
        for (const PageProfile& kind : page_kinds())
            n.push_back(std::string("url_names_") + kind.type);
        for (const PageProfile& kind : page_kinds())
            n.push_back(std::string("schema_") + kind.type);
        n.insert(n.end(), {"og_article", "og_product", "og_website", "article_body", "schema_types"});
        for (const std::string_view tag : counted_tags)
            n.push_back("tag_" + std::string(tag));
        for (const WordGroup& g : word_groups)
            n.push_back("names_" + std::string(g.name));
        n.insert(n.end(),
                 {"letters", "share_p", "share_li", "share_a", "share_h1", "share_h2", "share_h3",
                  "share_pre", "share_td", "prose_paragraphs", "prose_share", "prices",
                  "largest_repeat", "repeated_groups", "mean_paragraph_letters"});
        n.insert(n.end(), card_feature_names().begin(), card_feature_names().end());
        n.insert(n.end(), address_feature_names().begin(), address_feature_names().end());
        return n;
    }();
    return names;
}

std::vector<float> page_features(xmlDoc* doc, const PageSignals& signals, const std::string& url)
{
    std::vector<float> row;
    row.reserve(page_feature_names().size());
    add_address(url, row);
    add_declarations(signals, row);
    xmlNode* root = xmlDocGetRootElement(doc);
    add_markup(root == nullptr ? Tally{} : tally_tree(root), row);
    add_index_address(url, row);
    return row;
}

} // namespace colophon::html
