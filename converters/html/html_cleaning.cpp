#include "html/html_cleaning.h"

#include "dom/html_dom.h"
#include "hints/class_hints.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace colophon::html {

namespace {

// An element holding this many tenths of the page's paragraph text, and more than
// `main_text_min_letters` of it, is content whatever its markup says. (article-extraction-benchmark)
constexpr int main_text_page_tenths = 4;
constexpr int main_text_min_letters = 400;
// A <main> holding this much running text declares where the content is. (wcxb-dev: 7 pages up,
// none down, collection .632 -> .650, product .556 -> .567)
constexpr int declared_main_min_letters = 200;
// A <form> holding less than this many tenths of the page's paragraph text is a search or sign-up form;
// a CMS that wraps the whole page in one <form> keeps its text.
constexpr int chrome_form_page_tenths = 3;
// A short element (under this many letters, less than half of them running text) whose class
// names article metadata is a byline or dateline block.
constexpr int metadata_block_max_letters = 400;
// An embedded post: a <blockquote> of at least this many letters holding this share of its
// wrapper's text (tenths).
constexpr int quoted_post_min_letters = 30;
constexpr int quoted_post_tenths = 8;
// A control or hidden element holding at least this many letters of paragraph text, and this
// many tenths of the page's, is the page the parser moved into it. (wcxb-dev: a <button> or an
// aria-hidden icon left with an open <div> swallows the rest of the page; cookie notices hold
// a tenth or two)
constexpr int swallowed_min_paragraph_letters = 400;
constexpr int swallowed_page_tenths = 5;
// On a page of cards and rows with (almost) no paragraphs, the test of a hidden element weighs
// all its text.
// (wcxb-dev: a listing inside a display:none wrapper that scripts reveal)
constexpr int swallowed_min_text_letters = 1000;

bool never_content(std::string_view t)
{
    static constexpr std::array<std::string_view, 20> tags = {
        "script", "style",  "noscript", "template", "iframe", "object", "embed",  "svg",    "canvas", "button",
        "input",  "select", "textarea", "link",     "meta",   "dialog", "audio",  "video",  "map",    "head"};
    return std::find(tags.begin(), tags.end(), t) != tags.end();
}

bool contains_ci(std::string_view hay, std::string_view needle)
{
    if (needle.size() > hay.size())
        return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        bool eq = true;
        for (std::size_t j = 0; j < needle.size() && eq; ++j) {
            char c = hay[i + j];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            eq = c == needle[j];
        }
        if (eq)
            return true;
    }
    return false;
}

// Interactive and embedded elements whose content the HTML parser's error recovery can extend
// over the rest of the page when a tag inside them is left open (`<button><div></button>`), and
// <noscript>, which holds the whole page on sites that render it with scripts (a reader of the
// saved page without scripts sees it).
bool may_hold_the_page(std::string_view t)
{
    static constexpr std::array<std::string_view, 11> tags = {"button", "select", "textarea", "object",
                                                              "embed",  "audio",  "video",    "map",
                                                              "canvas", "iframe", "noscript"};
    return std::find(tags.begin(), tags.end(), t) != tags.end();
}

// Letters of the text inside <p> elements under `n`. One walk that counts the <p> elements open
// above it, where looking up from every text node for one took as long as the page is deep.
int paragraph_letters(const xmlNode* n)
{
    int letters = 0;
    int open_paragraphs = 0;
    for (const xmlNode *c = n->children; c != nullptr;) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr && open_paragraphs > 0)
            letters += dom::count_letters(reinterpret_cast<const char *>(c->content));
        if (c->type == XML_ELEMENT_NODE && c->children != nullptr) {
            open_paragraphs += dom::tag_of(c) == "p" ? 1 : 0;
            c = c->children;
            continue;
        }
        while (c != n && c->next == nullptr) {
            c = c->parent;
            open_paragraphs -= c != n && dom::tag_of(c) == "p" ? 1 : 0;
        }
        c = c == n ? nullptr : c->next;
    }
    return letters;
}

// Letters of the text under `n` outside elements that are never content (scripts, styles, ...).
int text_letters(const xmlNode *n)
{
    int letters = 0;
    for (const xmlNode *c = n->children; c != nullptr;) {
        if (c->type == XML_ELEMENT_NODE && never_content(dom::tag_of(c))) {
            c = dom::next_skipping_children(const_cast<xmlNode *>(c), n);
            continue;
        }
        if (c->type == XML_TEXT_NODE && c->content != nullptr)
            letters += dom::count_letters(reinterpret_cast<const char *>(c->content));
        c = dom::next_in_order(const_cast<xmlNode *>(c), n);
    }
    return letters;
}

// A control or hidden element that holds most of the page's paragraphs has swallowed the page
// (the parser's error recovery extends an element left open); one holding a cookie notice or a
// collapsed menu holds a small part of them.
class SwallowCheck
{
  public:
    explicit SwallowCheck(const xmlNode* root) : root_(root) {}
    // A control is judged by paragraphs only: a <select>'s options are never the page.
    bool holds_the_page(const xmlNode *n, bool control)
    {
        if (page_paragraphs_ < 0)
            page_paragraphs_ = paragraph_letters(root_);
        if (control || page_paragraphs_ >= swallowed_min_paragraph_letters) {
            const int own = paragraph_letters(n);
            return own >= swallowed_min_paragraph_letters &&
                   own * 10 >= page_paragraphs_ * swallowed_page_tenths;
        }
        const int own = text_letters(n);
        if (own < swallowed_min_text_letters)
            return false;
        if (page_text_ < 0)
            page_text_ = text_letters(root_);
        return own * 10 >= page_text_ * swallowed_page_tenths;
    }

  private:
    const xmlNode* root_;
    int page_paragraphs_ = -1;
    int page_text_ = -1;
};

bool is_hidden(const xmlNode* n)
{
    if (dom::has_attr(n, "hidden"))
        return true;
    if (dom::attr_view(n, "aria-hidden") == "true")
        return true;
    const std::string_view style = dom::attr_view(n, "style");
    if (!style.empty()) {
        std::string compact;
        for (const char c : style)
            if (c != ' ' && c != '\t' && c != '\n')
                compact += c;
        if (contains_ci(compact, "display:none") || contains_ci(compact, "visibility:hidden"))
            return true;
    }
    return false;
}

bool contains_article(const xmlNode* n)
{
    for (const xmlNode *c = n->children; c != nullptr;
         c = dom::next_in_order(const_cast<xmlNode *>(c), n))
        if (dom::tag_of(c) == "article" || dom::tag_of(c) == "main" ||
            dom::attr_view(c, "itemprop") == "articleBody")
            return true;
    return false;
}

bool boilerplate_role(std::string_view role)
{
    return role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
           role == "search" || role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar" ||
           role == "toolbar" || role == "tablist";
}

bool inside_article(const xmlNode* n)
{
    for (const xmlNode* p = n->parent; p != nullptr; p = p->parent) {
        const std::string_view t = dom::tag_of(p);
        if (t == "article" || dom::is_main_region(p))
            return true;
    }
    return false;
}

// A wrapper whose text is nearly all one quoted block: an embedded post the article quotes
// (a social-media embed), not a share widget, which never holds a <blockquote>.
bool wraps_quoted_post(FactsTable& facts, xmlNode* n)
{
    const NodeFacts& f = facts[n];
    for (xmlNode *c = n->children; c != nullptr; c = dom::next_in_order(c, n)) {
        if (c->type != XML_ELEMENT_NODE || dom::tag_of(c) != "blockquote")
            continue;
        const NodeFacts& q = facts[c];
        if (q.letters >= quoted_post_min_letters && q.letters * 10 >= f.letters * quoted_post_tenths &&
            q.link_letters * 2 < q.letters)
            return true;
    }
    return false;
}

// The rule that makes `n` page chrome, or nullptr when it may be content.
// The page's declared main content (<main>, role=main) holding running text; null when none.
const xmlNode *declared_main_text(FactsTable &facts)
{
    for (xmlNode *e : facts.elements())
        if (dom::is_main_region(e) && facts[e].para_letters >= declared_main_min_letters)
            return e;
    return nullptr;
}

const char *chrome_rule(FactsTable &facts, xmlNode *n, int page_para, const xmlNode *declared_main,
                        const hints::HintContext &hints)
{
    const NodeFacts& f = facts[n];
    const std::string_view t = dom::tag_of(n);
    // Whatever its markup says, an element holding most of the page's running text is content,
    // unless the page declares its main content elsewhere: then a footer or dialog holding a
    // privacy policy longer than the page is still the site's.
    const bool beside_declared_main = declared_main != nullptr &&
                                      !dom::is_ancestor(n, declared_main) &&
                                      !dom::is_ancestor(declared_main, n);
    const bool main_text = f.para_letters * 10 >= page_para * main_text_page_tenths &&
                           f.para_letters > main_text_min_letters && !beside_declared_main &&
                           !(hints::has_strong_chrome_name(n, hints) && !contains_article(n));
    if (main_text)
        return nullptr;
    if (t == "nav" || t == "aside" || t == "footer" || t == "menu")
        return "chrome element";
    if (t == "header" && !inside_article(n))
        return "page header";
    if (t == "form" && f.para_letters * 10 < page_para * chrome_form_page_tenths)
        return "form";
    if (boilerplate_role(dom::attr_view(n, "role")))
        return "ARIA role";
    if (t != "body" && t != "html" && t != "article" && t != "main" &&
        !hints::chrome_hint(n, hints).empty() && !wraps_quoted_post(facts, n))
        return "class hint";
    if (!hints.metadata_is_content && f.letters < metadata_block_max_letters &&
        f.good_letters * 2 < f.letters && !hints::metadata_hint(n).empty() && !dom::is_heading(n))
        return "metadata hint";
    return nullptr;
}

} // namespace

void free_subtree(xmlNode* node)
{
    if (node == nullptr)
        return;
    xmlUnlinkNode(node);
    std::vector<xmlNode*> nodes;
    for (xmlNode *n = node; n != nullptr; n = dom::next_in_order(n, node))
        nodes.push_back(n);
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        if (*it != node)
            xmlUnlinkNode(*it);
        xmlFreeNode(*it);
    }
}

namespace {

// A dialog, a cookie notice, a menu: hidden until the reader asks, and chrome when shown.
bool is_named_chrome(const xmlNode* n)
{
    return boilerplate_role(dom::attr_view(n, "role")) ||
           dom::attr_view(n, "aria-modal") == "true" || !hints::chrome_hint(n).empty();
}

} // namespace

CleaningReport remove_never_content(xmlNode* root, int max_depth)
{
    CleaningReport report;
    SwallowCheck swallow(root);
    std::vector<xmlNode*> doomed;
    std::vector<xmlNode*> too_deep;
    int depth = 0;
    xmlNode* n = root;
    while (n != nullptr) {
        bool descend = n->type == XML_ELEMENT_NODE && n->children != nullptr;
        if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
            doomed.push_back(n);
        } else if (n->type == XML_ELEMENT_NODE && n != root) {
            const bool control = may_hold_the_page(dom::tag_of(n));
            const bool hidden = is_hidden(n);
            if ((control || (hidden && !is_named_chrome(n))) &&
                swallow.holds_the_page(n, control)) {
                // the parser's error recovery moved the page into it: keep the page
                if (control)
                    xmlNodeSetName(n, reinterpret_cast<const xmlChar*>("div"));
                ++report.unwrapped;
            } else if (never_content(dom::tag_of(n)) || hidden) {
                doomed.push_back(n);
                descend = false;
            } else if (depth >= max_depth && descend) {
                too_deep.push_back(n);
                descend = false;
            }
        }
        if (descend) {
            n = n->children;
            ++depth;
            continue;
        }
        while (n != nullptr && n != root && n->next == nullptr) {
            n = n->parent;
            --depth;
        }
        if (n == nullptr || n == root)
            break;
        n = n->next;
    }
    for (xmlNode* d : doomed) {
        free_subtree(d);
        ++report.removed;
    }
    for (xmlNode* d : too_deep) {
        const std::string text = dom::text_of(d);
        while (d->children != nullptr)
            free_subtree(d->children);
        xmlNodeAddContentLen(d, reinterpret_cast<const xmlChar*>(text.data()), static_cast<int>(text.size()));
        report.flattened = true;
    }
    return report;
}

void mark_boilerplate(FactsTable &facts, xmlNode *root, const hints::HintContext &hints)
{
    const int page_para = std::max(1, facts[root].para_letters);
    const xmlNode *declared_main = declared_main_text(facts);
    for (xmlNode* n = root; n != nullptr;) {
        if (n->type != XML_ELEMENT_NODE) {
            n = dom::next_skipping_children(n, root);
            continue;
        }
        NodeFacts& f = facts[n];
        if (const char *rule =
                n == root ? nullptr : chrome_rule(facts, n, page_para, declared_main, hints)) {
            f.excluded = true;
            f.excluded_by = rule;
            n = dom::next_skipping_children(n, root);
            continue;
        }
        n = dom::next_in_order(n, root);
    }
}

} // namespace colophon::html
