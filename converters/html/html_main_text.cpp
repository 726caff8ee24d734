#include "html/html_main_text.h"

#include "html/html_dom.h"

#include <algorithm>
#include <vector>

namespace colophon::html {

namespace {

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
        if (c->type == XML_ELEMENT_NODE && tag_of(c) == "article" && !facts[c].excluded)
            ++articles;
    return articles >= 2;
}

struct Own
{
    int letters = 0;
    int link_letters = 0;
    bool sentence_end = false;
};

} // namespace

bool reads_as_running_text(int letters, int link_letters, bool sentence_end)
{
    if (letters == 0 || link_letters * 2 > letters)
        return false;
    return letters >= 80 || (letters >= 25 && sentence_end);
}

void compute_text_stats(FactsTable& facts, xmlNode* root, bool respect_exclusions)
{
    facts.clear_stats();
    const auto& elements = facts.elements();
    std::vector<Own> own(elements.size());
    std::vector<int> linked_heading(elements.size(), 0); // letters of subheadings that are one link
    std::vector<int> article_children(elements.size(), 0);
    // Inside a link at any distance: teaser cards wrap headings and blurbs in one <a>.
    std::vector<char> in_link(elements.size(), 0);
    for (std::size_t k = 0; k < elements.size(); ++k) {
        const long pi = facts.index_of(elements[k]->parent);
        in_link[k] = static_cast<char>(tag_of(elements[k]) == "a" || (pi >= 0 && in_link[static_cast<std::size_t>(pi)]));
    }
    // 1. every text node adds to the nearest block-level element above it
    for (xmlNode* n = root; n != nullptr;) {
        if (n->type == XML_ELEMENT_NODE) {
            if (respect_exclusions && n != root && facts[n].excluded) {
                n = next_skipping_children(n, root);
                continue;
            }
            n = next_in_order(n, root);
            continue;
        }
        if (n->type == XML_TEXT_NODE && n->content != nullptr) {
            const int letters = count_letters(reinterpret_cast<const char*>(n->content));
            if (letters > 0) {
                const long pk = facts.index_of(n->parent);
                const bool linked = pk >= 0 && in_link[static_cast<std::size_t>(pk)];
                xmlNode* block = n->parent;
                while (block != nullptr && block != root && !is_block_tag(tag_of(block)))
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
        n = next_skipping_children(n, root);
    }
    // 2. children before parents: reverse pre-order
    for (std::size_t k = elements.size(); k-- > 0;) {
        xmlNode* e = elements[k];
        NodeFacts& f = facts[e];
        if (respect_exclusions && f.excluded && e != root)
            continue;
        const Own& o = own[k];
        const std::string_view t = tag_of(e);
        // An item of a numbered list whose linked lead runs on into a sentence of its own
        // ("<li><b><a>Lead</a>.</b> More text.</li>") is an enumerated point, not a teaser:
        // its lead counts as text.
        const bool enumerated_point = t == "li" && e->parent != nullptr && tag_of(e->parent) == "ol" &&
                                      o.letters - o.link_letters >= 40 && o.sentence_end;
        if (o.letters > 0) {
            f.letters += o.letters;
            f.link_letters += o.link_letters;
            if (enumerated_point) {
                f.score += o.letters - o.link_letters;
                f.good_letters += o.letters;
                f.para_letters += o.letters;
            } else if (is_heading(e)) {
                // neutral: titles and subheadings are neither evidence for nor against
                if (tag_of(e) != "h1" && o.link_letters * 10 >= o.letters * 9)
                    linked_heading[k] += o.letters;
            } else if (o.link_letters * 2 > o.letters) {
                f.score -= o.letters;
            } else if (reads_as_running_text(o.letters, o.link_letters, o.sentence_end)) {
                f.score += o.letters - 2.0 * o.link_letters;
                f.good_letters += o.letters;
                if (is_paragraph_like(t))
                    f.para_letters += o.letters;
            } else if (t != "td" && t != "th") {
                f.score -= 2; // short fragments (labels, dates); table cells are short by nature
            }
        }
        // A list item or card that is mostly a link with a blurb is a teaser for another page.
        {
            const bool linked_teaser = linked_heading[k] > 0 && f.letters < 700 && f.good_letters < 450 &&
                                       (t == "li" || t == "article" || t == "div" || t == "section");
            if (((t == "li" || t == "article") && f.letters < 600 && f.link_letters * 4 >= f.letters &&
                 !enumerated_point) ||
                (linked_teaser && f.letters > 0 && f.score > -f.letters)) {
                f.score = -f.letters;
                f.good_letters = 0;
                f.para_letters = 0;
            }
        }
        // Several <article>s side by side are cards of a listing; a page has one article.
        if (article_children[k] >= 2)
            f.score = std::min(f.score, -static_cast<double>(f.letters));
        if (e == root)
            continue;
        const long pi = facts.index_of(e->parent);
        if (pi < 0)
            continue;
        NodeFacts& pf = facts[e->parent];
        linked_heading[static_cast<std::size_t>(pi)] += linked_heading[k];
        if (tag_of(e) == "article")
            ++article_children[static_cast<std::size_t>(pi)];
        pf.letters += f.letters;
        pf.link_letters += f.link_letters;
        pf.para_letters += f.para_letters;
        pf.good_letters += f.good_letters;
        pf.score += f.score;
    }
    if (!respect_exclusions)
        for (xmlNode* e : elements)
            facts[e].raw_letters = facts[e].letters;
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
        if (attr_view(e, "itemprop") == "articleBody" && (!body_prop || f.good_letters > facts[body_prop].good_letters))
            body_prop = e;
        const std::string_view t = tag_of(e);
        if (t == "article" && !is_listing(facts, e) && (!article || f.good_letters > facts[article].good_letters))
            article = e;
        if ((t == "main" || attr_view(e, "role") == "main") && (!main || f.good_letters > facts[main].good_letters))
            main = e;
    }
    const NodeFacts& bf = facts[best];
    for (xmlNode* s : {body_prop, article, main}) {
        if (s == nullptr)
            continue;
        const NodeFacts& sf = facts[s];
        if (s == best)
            return best;
        if (is_ancestor(s, best)) {
            // A wider semantic container adds little but the lede and headings it frames.
            if (sf.score >= 0.85 * bf.score)
                return s;
        } else if (is_ancestor(best, s)) {
            if (sf.good_letters * 4 >= bf.good_letters * 3)
                return s;
        } else if (s == body_prop && sf.good_letters * 2 >= bf.good_letters) {
            return s;
        }
    }
    return best;
}

} // namespace colophon::html
