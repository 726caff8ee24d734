#include "html/html_main_text.h"

#include "dom/html_dom.h"

#include <algorithm>
#include <vector>

namespace colophon::html {

namespace {

// Running text is long, or short and ending a sentence: captions and one-line paragraphs end with
// a full stop, menu items and tag clouds do not. A block more than half linked is navigation.
// (article-extraction-benchmark)
constexpr int running_text_letters = 80;
constexpr int sentence_letters = 25;
// A short fragment (a label, a date) costs this much score; table cells are short by nature.
constexpr double short_fragment_penalty = 2;
// Linked letters count against a running-text block this many times over.
constexpr double link_letter_weight = 2.0;
// An item of a numbered list whose linked lead runs on into at least this many letters of its
// own sentence is an enumerated point, not a teaser.
constexpr int enumerated_point_own_letters = 40;
// A list item or card under this many letters, at least a quarter of them linked, is a teaser
// for another page.
constexpr int teaser_max_letters = 600;
constexpr int teaser_min_link_quarters = 1; // link_letters * 4 >= letters * this
// A card with a linked heading is a teaser below these sizes (its blurb is short).
constexpr int linked_teaser_max_letters = 700;
constexpr int linked_teaser_max_good_letters = 450;
// A heading at least nine tenths linked is a teaser's title.
constexpr int linked_heading_tenths = 9;
// A wider semantic container (<article>, <main>, articleBody) around the best-scoring element is
// taken when it keeps this share of its score: it adds little but the lede and headings it frames.
constexpr double wider_container_score_share = 0.85;
// A semantic container inside the best element is taken when it holds this share of its
// running text (good_letters * 4 >= best * 3); the page's <main> already with a quarter: the
// rest of a wider element around it is the site's. (wcxb-dev: service .775 -> .778, product
// .537 -> .541, article-extraction-benchmark unchanged)
constexpr int narrower_container_quarters = 3;
constexpr int narrower_main_quarters = 1;
// An itemprop=articleBody beside the best element is taken when it holds half its running text.
constexpr int beside_article_body_halves = 1;
// A <main> holding at least this many halves of the page's text is the main region.
constexpr int main_region_min_halves = 1;
// Two <article> children side by side make a listing of cards.
constexpr int listing_min_articles = 2;

bool is_paragraph_like(std::string_view t)
{
    return t == "p" || t == "pre" || t == "blockquote" || t == "dd" || t == "td" || t == "li" || t == "div" ||
           t == "section" || t == "article" || t == "figcaption";
}

bool has_sentence_end(const xmlChar* content)
{
    for (const xmlChar* p = content; *p != 0; ++p) {
        const xmlChar c = *p;
        if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':') &&
            (p[1] == 0 || p[1] == ' ' || p[1] == '\n' || p[1] == '"' || p[1] == 0xE2))
            return true;
        if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x82) // 。
            return true;
    }
    return false;
}

// Two or more <article> children kept after cleaning: a listing of cards, not one article.
bool is_listing(FactsTable& facts, const xmlNode* e)
{
    int articles = 0;
    for (const xmlNode* c = e->children; c != nullptr; c = c->next)
        if (c->type == XML_ELEMENT_NODE && dom::tag_of(c) == "article" && !facts[c].excluded)
            ++articles;
    return articles >= listing_min_articles;
}

struct Own
{
    int letters = 0;
    int link_letters = 0;
    bool sentence_end = false;
};

// Letters of the text nodes each block-level element holds itself (not through a block child).
std::vector<Own> own_text(FactsTable& facts, xmlNode* root, bool respect_exclusions)
{
    const auto& elements = facts.elements();
    std::vector<Own> own(elements.size());
    // Inside a link at any distance: teaser cards wrap headings and blurbs in one <a>.
    std::vector<char> in_link(elements.size(), 0);
    for (std::size_t k = 0; k < elements.size(); ++k) {
        const long pi = facts.index_of(elements[k]->parent);
        in_link[k] = static_cast<char>(dom::tag_of(elements[k]) == "a" ||
                                       (pi >= 0 && in_link[static_cast<std::size_t>(pi)]));
    }
    for (xmlNode* n = root; n != nullptr;) {
        if (n->type == XML_ELEMENT_NODE) {
            if (respect_exclusions && n != root && facts[n].excluded) {
                n = dom::next_skipping_children(n, root);
                continue;
            }
            n = dom::next_in_order(n, root);
            continue;
        }
        if (n->type == XML_TEXT_NODE && n->content != nullptr) {
            const int letters = dom::count_letters(reinterpret_cast<const char *>(n->content));
            if (letters > 0) {
                const long pk = facts.index_of(n->parent);
                const bool linked = pk >= 0 && in_link[static_cast<std::size_t>(pk)];
                xmlNode* block = n->parent;
                while (block != nullptr && block != root && !dom::is_block_tag(dom::tag_of(block)))
                    block = block->parent;
                const long i = facts.index_of(block);
                if (i >= 0) {
                    Own& o = own[static_cast<std::size_t>(i)];
                    o.letters += letters;
                    if (linked)
                        o.link_letters += letters;
                    if (!o.sentence_end)
                        o.sentence_end = has_sentence_end(n->content);
                }
            }
        }
        n = dom::next_skipping_children(n, root);
    }
    return own;
}

// Scores each element from its own text and adds it up into its ancestors.
void sum_subtrees(FactsTable& facts, xmlNode* root, bool respect_exclusions, const std::vector<Own>& own)
{
    const auto& elements = facts.elements();
    std::vector<int> linked_heading(elements.size(), 0); // letters of subheadings that are one link
    std::vector<int> article_children(elements.size(), 0);
    // children before parents: reverse pre-order
    for (std::size_t k = elements.size(); k-- > 0;) {
        xmlNode* e = elements[k];
        NodeFacts& f = facts[e];
        if (respect_exclusions && f.excluded && e != root)
            continue;
        const Own& o = own[k];
        const std::string_view t = dom::tag_of(e);
        // An item of a numbered list whose linked lead runs on into a sentence of its own
        // ("<li><b><a>Lead</a>.</b> More text.</li>") is an enumerated point, not a teaser:
        // its lead counts as text.
        const bool enumerated_point =
            t == "li" && e->parent != nullptr && dom::tag_of(e->parent) == "ol" &&
            o.letters - o.link_letters >= enumerated_point_own_letters && o.sentence_end;
        if (o.letters > 0) {
            f.letters += o.letters;
            f.link_letters += o.link_letters;
            if (enumerated_point) {
                f.score += o.letters - o.link_letters;
                f.good_letters += o.letters;
                f.para_letters += o.letters;
            } else if (dom::is_heading(e)) {
                // neutral: titles and subheadings are neither evidence for nor against
                if (dom::tag_of(e) != "h1" &&
                    o.link_letters * 10 >= o.letters * linked_heading_tenths)
                    linked_heading[k] += o.letters;
            } else if (o.link_letters * 2 > o.letters) {
                f.score -= o.letters;
            } else if (reads_as_running_text(o.letters, o.link_letters, o.sentence_end)) {
                f.score += o.letters - link_letter_weight * o.link_letters;
                f.good_letters += o.letters;
                if (is_paragraph_like(t))
                    f.para_letters += o.letters;
            } else if (t != "td" && t != "th") {
                f.score -= short_fragment_penalty;
            }
        }
        // A list item or card that is mostly a link with a blurb is a teaser for another page.
        {
            const bool linked_teaser = linked_heading[k] > 0 && f.letters < linked_teaser_max_letters &&
                                       f.good_letters < linked_teaser_max_good_letters &&
                                       (t == "li" || t == "article" || t == "div" || t == "section");
            if (((t == "li" || t == "article") && f.letters < teaser_max_letters &&
                 f.link_letters * 4 >= f.letters * teaser_min_link_quarters &&
                 !enumerated_point) ||
                (linked_teaser && f.letters > 0 && f.score > -f.letters)) {
                f.score = -f.letters;
                f.good_letters = 0;
                f.para_letters = 0;
            }
        }
        // Several <article>s side by side are cards of a listing; a page has one article.
        if (article_children[k] >= listing_min_articles)
            f.score = std::min(f.score, -static_cast<double>(f.letters));
        if (e == root)
            continue;
        const long pi = facts.index_of(e->parent);
        if (pi < 0)
            continue;
        NodeFacts& pf = facts[e->parent];
        linked_heading[static_cast<std::size_t>(pi)] += linked_heading[k];
        if (dom::tag_of(e) == "article")
            ++article_children[static_cast<std::size_t>(pi)];
        pf.letters += f.letters;
        pf.link_letters += f.link_letters;
        pf.para_letters += f.para_letters;
        pf.good_letters += f.good_letters;
        pf.score += f.score;
    }
}

} // namespace

bool reads_as_running_text(int letters, int link_letters, bool sentence_end)
{
    if (letters == 0 || link_letters * 2 > letters)
        return false;
    return letters >= running_text_letters || (letters >= sentence_letters && sentence_end);
}

void compute_text_stats(FactsTable& facts, xmlNode* root, bool respect_exclusions)
{
    facts.clear_stats();
    // 1. every text node adds to the nearest block-level element above it
    const std::vector<Own> own = own_text(facts, root, respect_exclusions);
    // 2. children before parents: reverse pre-order
    sum_subtrees(facts, root, respect_exclusions, own);
    if (!respect_exclusions)
        for (xmlNode* e : facts.elements())
            facts[e].raw_letters = facts[e].letters;
}

xmlNode *find_declared_main(FactsTable &facts, xmlNode *root)
{
    xmlNode* main = nullptr;
    for (xmlNode* e : facts.elements())
        if (!facts[e].excluded && dom::is_main_region(e) &&
            (main == nullptr || facts[e].letters > facts[main].letters))
            main = e;
    return main != nullptr &&
                   facts[main].letters * 2 >= facts[root].letters * main_region_min_halves
               ? main
               : nullptr;
}

xmlNode *find_main_region(FactsTable &facts, xmlNode *root)
{
    xmlNode *main = find_declared_main(facts, root);
    return main != nullptr ? main : root;
}

xmlNode *find_content(FactsTable &facts, xmlNode *root, ContentExtent extent)
{
    switch (extent) {
    case ContentExtent::whole_region:
        return find_main_region(facts, root);
    case ContentExtent::declared_main:
        if (xmlNode *main = find_declared_main(facts, root))
            return main;
        break;
    case ContentExtent::densest_element:
        break;
    }
    return find_main_content(facts, root);
}

xmlNode* find_main_content(FactsTable& facts, xmlNode* root)
{
    // 1. the best-scoring subtree
    xmlNode* best = root;
    double best_score = facts[root].score;
    for (xmlNode* e : facts.elements()) {
        const NodeFacts& f = facts[e];
        if (f.excluded)
            continue;
        if (f.score > best_score) {
            best_score = f.score;
            best = e;
        }
    }
    // 2. the page's own semantics, when they agree with the score
    xmlNode* body_prop = nullptr;
    xmlNode* article = nullptr;
    xmlNode* main = nullptr;
    for (xmlNode* e : facts.elements()) {
        const NodeFacts& f = facts[e];
        if (f.excluded || f.good_letters == 0)
            continue;
        if (dom::attr_view(e, "itemprop") == "articleBody" &&
            (!body_prop || f.good_letters > facts[body_prop].good_letters))
            body_prop = e;
        const std::string_view t = dom::tag_of(e);
        if (t == "article" && !is_listing(facts, e) && (!article || f.good_letters > facts[article].good_letters))
            article = e;
        if (dom::is_main_region(e) && (!main || f.good_letters > facts[main].good_letters))
            main = e;
    }
    const NodeFacts& bf = facts[best];
    for (xmlNode* s : {body_prop, article, main}) {
        if (s == nullptr)
            continue;
        const NodeFacts& sf = facts[s];
        if (s == best)
            return best;
        if (dom::is_ancestor(s, best)) {
            // A wider semantic container adds little but the lede and headings it frames.
            if (sf.score >= wider_container_score_share * bf.score)
                return s;
        } else if (dom::is_ancestor(best, s)) {
            const int quarters = s == main ? narrower_main_quarters : narrower_container_quarters;
            if (sf.good_letters * 4 >= bf.good_letters * quarters)
                return s;
        } else if (s == body_prop &&
                   sf.good_letters * 2 >= bf.good_letters * beside_article_body_halves) {
            return s;
        }
    }
    return best;
}

} // namespace colophon::html
