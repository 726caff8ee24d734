#include "html/html_class_hints.h"

#include "dom/html_dom.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace colophon::html {

namespace {

// A CSS-module hash after "__" is this short ("Main_Main__ZphPe", "table_root__adKqa").
constexpr std::size_t hash_min_chars = 4;
constexpr std::size_t hash_max_chars = 6;

// Words that name chrome wherever they stand in a name ("post-share-buttons", "navFooter").
constexpr std::array<std::string_view, 61> strong_words = {
    "nav",         "navbar",       "navigation",
    "menu",        "menus",        "submenu",
    "breadcrumb",  "breadcrumbs",  "footer",
    "sidebar",     "share",        "shares",
    "sharing",     "sharedaddy",   "social",
    "socials",     "cookie",       "cookies",
    "consent",     "gdpr",         "newsletter",
    "subscribe",   "subscription", "signup",
    "related",     "recommended",  "recommendations",
    "promo",       "promoted",     "sponsor",
    "sponsored",   "advert",       "advertisement",
    "ad",          "ads",          "adsense",
    "advertising", "dfp",          "tags",
    "tagcloud",    "taglist",      "pagination",
    "pager",       "popup",        "modal",
    "overlay",     "masthead",     "outbrain",
    "taboola",     "paywall",      "rss",
    "trending",    "topics",       "offcanvas",
    "keywords",    "bio",          "bios",
    "caption",     "credit"};
constexpr std::array<std::string_view, 12> more_strong_words = {
    "credits",  "gallery",  "slideshow", "lightbox",    "popover", "hovercard",
    "rollover", "readmore", "authorbox", "editsection", "noprint", "cta"};
// Words that name reader comments: chrome under an article, the content of a forum thread.
constexpr std::array<std::string_view, 5> comment_words = {"comments", "comment", "disqus",
                                                           "respond", "commentlist"};
// Not chrome words, though they sound like it: page builders call every box a "widget"
// (elementor-widget-wrap, widget-span), and "dropdown", "tooltip" and "toolbar" wrap content
// as often as menus. (wcxb-dev: these names held as much main text as chrome)
// Two or three words in a row that name chrome ("read-more-big", "related-posts-widget").
constexpr std::array<std::string_view, 20> compound_words = {
    "call-to-action",  "skip-link",    "most-popular",    "author-box",   "author-bio",
    "further-reading", "read-more",    "more-stories",    "jump-link",    "site-header",
    "site-footer",     "mobile-menu",  "edit-link",       "about-author", "about-the-author",
    "photo-credit",    "image-credit", "sponsored-links", "print-only",   "newsletter-signup"};
// Whole names that hide an element from view (never a word of a longer name: "hidden-xs",
// "hide-on-mobile", "overflow-hidden" and "accordion-panel-hidden" are shown somewhere, and
// "hide-last-connector" styles a part of what is shown).
constexpr std::array<std::string_view, 10> visibility_names = {"hidden",
                                                               "hide",
                                                               "invisible",
                                                               "is-hidden",
                                                               "d-none",
                                                               "sr-only",
                                                               "visually-hidden",
                                                               "screen-reader-text",
                                                               "screenreader-text",
                                                               "element-invisible"};
// First words of names that say what an element holds or lacks, not what it is: a layout that
// "has-sidebar" or is "with-sidebar" holds the main column beside one, "no-comments" has none.
constexpr std::array<std::string_view, 4> state_words = {"has", "with", "no", "without"};

// Display values a responsive class turns a "hidden" element back to ("hidden md:block").
constexpr std::array<std::string_view, 8> display_words = {
    "block", "flex", "grid", "inline", "table", "contents", "inline-block", "inline-flex"};
// Whole names that can only mean chrome, even around long text.
constexpr std::array<std::string_view, 10> strong_names = {
    "sidebar",       "related",    "related-posts", "recommended", "newsletter",
    "cookie-banner", "breadcrumb", "breadcrumbs",   "site-footer", "footer"};
// Words of the names of a cookie or consent notice: its preference centre lists the purposes
// and partners of tracking at more length than a listing's blurbs (wcxb-dev), yet is no page's
// content.
constexpr std::array<std::string_view, 4> consent_words = {"cookie", "cookies", "consent", "gdpr"};
// Words of the names of customers' reviews and ratings, chrome on product pages only (a review
// site's article is a review). (wcxb-dev product .541 -> .556: 26 pages up, 10 down)
constexpr std::array<std::string_view, 3> review_words = {"review", "reviews", "ratings"};
// What a thread shows about its posters beside each post: profile boxes ("Posts: 4032",
// "Joined", badges), signatures. Chrome on threads, where the comment words name the posts.
// (wcxb-dev forum .729 -> .745: 52 pages up, 1 down, across a dozen forum engines)
constexpr std::array<std::string_view, 4> poster_words = {"signature", "postprofile", "userinfo",
                                                          "badges"};
constexpr std::array<std::string_view, 6> poster_compounds = {
    "user-info", "user-details", "user-extras", "user-stats", "author-stats", "poster-info"};
constexpr std::array<std::string_view, 7> strong_comment_names = {
    "comments",        "comment-list",  "commentlist", "comments-area",
    "comment-section", "disqus-thread", "respond"};
// Words that name article metadata.
constexpr std::array<std::string_view, 19> metadata_words = {
    "byline",     "bylines",   "author",       "authors",      "dateline", "timestamp", "posted-on",
    "entry-meta", "post-meta", "article-meta", "meta",         "date",     "published", "pubdate",
    "entry-date", "post-date", "contributor",  "contributors", "writer"};

template <std::size_t N> bool in(const std::array<std::string_view, N> &table, std::string_view w)
{
    return std::find(table.begin(), table.end(), w) != table.end();
}

// "has-sidebar", "no-comments"; and "topics-page", "tags-page": a name that ends in "page" names
// the kind of page the element holds (a page of topics), not a part of it.
bool names_a_state_or_page(const ClassName &name)
{
    return in(state_words, name.words.front()) ||
           (name.words.size() > 1 && name.words.back() == "page");
}

bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

// "ZphPe", "adKqa", "1IUOm": a short run of letters and digits that mixes cases or digits.
bool is_hash(std::string_view s)
{
    if (s.size() < hash_min_chars || s.size() > hash_max_chars)
        return false;
    bool upper = false, lower = false, digit = false;
    for (const char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return false;
        upper = upper || is_upper(c);
        lower = lower || is_lower(c);
        digit = digit || (c >= '0' && c <= '9');
    }
    return (upper && lower) || (digit && (upper || lower));
}

// Splits one segment into lower-cased words on separators and camelCase humps.
void split_words(std::string_view s, std::vector<std::string> &out)
{
    std::string word;
    auto flush = [&] {
        if (!word.empty())
            out.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '-' || c == '_' || c == ':' || c == '/' || c == '.') {
            flush();
            continue;
        }
        if (is_upper(c) && i > 0 && is_lower(s[i - 1]))
            flush();
        word += is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    flush();
}

ClassName read_name(std::string_view raw)
{
    ClassName name;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find("__", start);
        if (end == std::string_view::npos)
            end = raw.size();
        std::string_view segment = raw.substr(start, end - start);
        while (!segment.empty() && segment.front() == '_')
            segment.remove_prefix(1);
        if (!(start > 0 && is_hash(segment)))
            split_words(segment, name.words);
        start = end + 2;
    }
    for (const std::string &w : name.words) {
        if (!name.joined.empty())
            name.joined += '-';
        name.joined += w;
    }
    return name;
}

void add_names(std::string_view value, std::vector<ClassName> &out)
{
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i])))
            ++i;
        std::size_t j = i;
        while (j < value.size() && !std::isspace(static_cast<unsigned char>(value[j])))
            ++j;
        const std::string_view raw = value.substr(i, j - i);
        // "js-..." names a hook for scripts, not what the element is
        if (!raw.empty() && !(raw.size() > 3 && (raw.starts_with("js-") || raw.starts_with("js_"))))
            if (ClassName name = read_name(raw); !name.words.empty())
                out.push_back(std::move(name));
        i = j;
    }
}

// Runs of two or three words of `name` joined with '-', for the compound table.
template <typename F> bool any_compound(const ClassName &name, F f)
{
    const auto &w = name.words;
    for (std::size_t len = 2; len <= 3; ++len)
        for (std::size_t k = 0; k + len <= w.size(); ++k) {
            std::string joined = w[k];
            for (std::size_t m = 1; m < len; ++m)
                joined.append("-").append(w[k + m]);
            if (f(joined))
                return true;
        }
    return false;
}

// True when a responsive class shows the element again on some screens ("md:block").
bool shown_on_some_screen(const xmlNode *node)
{
    const std::string_view cls = dom::attr_view(node, "class");
    std::size_t colon = cls.find(':');
    while (colon != std::string_view::npos) {
        std::size_t end = colon + 1;
        while (end < cls.size() && !std::isspace(static_cast<unsigned char>(cls[end])))
            ++end;
        if (in(display_words, cls.substr(colon + 1, end - colon - 1)))
            return true;
        colon = cls.find(':', end);
    }
    return false;
}

} // namespace

std::vector<ClassName> class_names(const xmlNode *node)
{
    std::vector<ClassName> out;
    add_names(dom::attr_view(node, "class"), out);
    add_names(dom::attr_view(node, "id"), out);
    return out;
}

std::string chrome_hint(const xmlNode *node, const HintContext &context)
{
    if (dom::attr_view(node, "class").empty() && dom::attr_view(node, "id").empty())
        return {};
    for (const ClassName &name : class_names(node)) {
        // "hidden", "sr-only"; not "overflow-hidden", "field--label-hidden", "hide-for-mobile"
        // (shown on a desktop screen) or "hide-last-message-connector" (a style modifier)
        if (in(visibility_names, name.joined)) {
            if (!shown_on_some_screen(node))
                return name.joined;
            continue;
        }
        if (names_a_state_or_page(name))
            continue;
        for (const std::string &w : name.words)
            if (in(strong_words, w) || in(more_strong_words, w) ||
                (!context.comments_are_content && in(comment_words, w)) ||
                (context.reviews_are_chrome && in(review_words, w)) ||
                (context.comments_are_content && in(poster_words, w)))
                return w;
        std::string found;
        if (any_compound(name, [&](const std::string &c) {
                if (!in(compound_words, c) &&
                    !(context.comments_are_content && in(poster_compounds, c)))
                    return false;
                found = c;
                return true;
            }))
            return found;
    }
    return {};
}

std::string metadata_hint(const xmlNode *node)
{
    for (const ClassName &name : class_names(node)) {
        for (const std::string &w : name.words)
            if (in(metadata_words, w))
                return w;
        std::string found;
        if (any_compound(name, [&](const std::string &c) {
                if (!in(metadata_words, c))
                    return false;
                found = c;
                return true;
            }))
            return found;
    }
    return {};
}

bool has_strong_chrome_name(const xmlNode *node, const HintContext &context)
{
    for (const ClassName &name : class_names(node)) {
        if (in(strong_names, name.joined) ||
            (!context.comments_are_content && in(strong_comment_names, name.joined)))
            return true;
        if (!names_a_state_or_page(name) &&
            std::any_of(name.words.begin(), name.words.end(),
                        [](const std::string &w) { return in(consent_words, w); }))
            return true;
        if (context.reviews_are_chrome)
            for (const std::string &w : name.words)
                if (in(review_words, w))
                    return true;
    }
    return false;
}

bool has_name_word(const xmlNode *node, std::initializer_list<std::string_view> words)
{
    for (const ClassName &name : class_names(node))
        for (const std::string &w : name.words)
            if (std::find(words.begin(), words.end(), w) != words.end())
                return true;
    return false;
}

} // namespace colophon::html
