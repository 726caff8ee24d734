#include "hints/class_hints.h"

#include "dom/html_dom.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace colophon::hints {

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
// Words that name article metadata ("last-modified": a page's "Last updated 12.02.2025" line).
constexpr std::array<std::string_view, 21> metadata_words = {
    "byline",    "bylines",       "author",      "authors",      "dateline",    "timestamp",
    "posted-on", "entry-meta",    "post-meta",   "article-meta", "meta",        "date",
    "published", "pubdate",       "entry-date",  "post-date",    "contributor", "contributors",
    "writer",    "last-modified", "last-updated"};

// True when `w` is in `table`; hashed, as every word of every name of the page is looked up in
// several tables.
template <const auto &table> bool in(std::string_view w)
{
    static const std::unordered_set<std::string_view> words(table.begin(), table.end());
    return words.contains(w);
}

// The tables of chrome words a word stands in (bits), one lookup for all of them: chrome_hint
// asks about every word of every name in the page's body.
enum : unsigned
{
    strong_table = 1,
    comment_table = 2,
    review_table = 4,
    poster_table = 8
};
unsigned chrome_word_tables(std::string_view w)
{
    static const std::unordered_map<std::string_view, unsigned> tables = [] {
        std::unordered_map<std::string_view, unsigned> m;
        const auto add = [&](const auto &table, unsigned bit) {
            for (const std::string_view word : table)
                m[word] |= bit;
        };
        add(strong_words, strong_table);
        add(more_strong_words, strong_table);
        add(comment_words, comment_table);
        add(review_words, review_table);
        add(poster_words, poster_table);
        return m;
    }();
    const auto it = tables.find(w);
    return it == tables.end() ? 0 : it->second;
}

// "has-sidebar", "no-comments"; and "topics-page", "tags-page": a name that ends in "page" names
// the kind of page the element holds (a page of topics), not a part of it.
bool names_a_state_or_page(const ClassNameView &name)
{
    return in<state_words>(name.words.front()) ||
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
// std::isspace in the C locale, without a call per character of every class attribute
bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
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

// What a name is read into, reused from one name to the next: its words lower-cased and joined
// with '-', and the views of the words in it.
struct NameBuffer
{
    std::string joined;
    std::vector<std::string_view> words;
    std::vector<std::size_t> bounds; // start and end of each word in `joined`
};

// Splits one segment into lower-cased words on separators and camelCase humps.
void split_words(std::string_view s, NameBuffer &name)
{
    bool in_word = false;
    auto flush = [&] {
        if (in_word)
            name.bounds.push_back(name.joined.size());
        in_word = false;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '-' || c == '_' || c == ':' || c == '/' || c == '.') {
            flush();
            continue;
        }
        if (is_upper(c) && i > 0 && is_lower(s[i - 1]))
            flush();
        if (!in_word) {
            if (!name.joined.empty())
                name.joined += '-';
            name.bounds.push_back(name.joined.size());
            in_word = true;
        }
        name.joined += is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    flush();
}

void read_name(std::string_view raw, NameBuffer &name)
{
    name.joined.clear();
    name.words.clear();
    name.bounds.clear();
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find("__", start);
        if (end == std::string_view::npos)
            end = raw.size();
        std::string_view segment = raw.substr(start, end - start);
        while (!segment.empty() && segment.front() == '_')
            segment.remove_prefix(1);
        if (!(start > 0 && is_hash(segment)))
            split_words(segment, name);
        start = end + 2;
    }
    const std::string_view joined = name.joined;
    for (std::size_t k = 0; k + 1 < name.bounds.size(); k += 2)
        name.words.push_back(joined.substr(name.bounds[k], name.bounds[k + 1] - name.bounds[k]));
}

// Calls `f` with each name in `value` (read into `name`) until it returns true; true when it did.
bool any_name_in(std::string_view value, NameBuffer &name,
                 const std::function<bool(const ClassNameView &)> &f)
{
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && is_space(value[i]))
            ++i;
        std::size_t j = i;
        while (j < value.size() && !is_space(value[j]))
            ++j;
        const std::string_view raw = value.substr(i, j - i);
        // "js-..." names a hook for scripts, not what the element is
        if (!raw.empty() &&
            !(raw.size() > 3 && (raw.starts_with("js-") || raw.starts_with("js_")))) {
            read_name(raw, name);
            if (!name.words.empty() && f(ClassNameView{name.joined, name.words}))
                return true;
        }
        i = j;
    }
    return false;
}

// Runs of two or three words of `name` joined with '-', for the compound table: each is the
// stretch of the joined name from its first word to its last.
template <typename F> bool any_compound(const ClassNameView &name, F f)
{
    const auto &w = name.words;
    for (std::size_t len = 2; len <= 3; ++len)
        for (std::size_t k = 0; k + len <= w.size(); ++k) {
            const std::string_view last = w[k + len - 1];
            if (f(std::string_view(w[k].data(), last.data() + last.size() - w[k].data())))
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
        if (in<display_words>(cls.substr(colon + 1, end - colon - 1)))
            return true;
        colon = cls.find(':', end);
    }
    return false;
}

} // namespace

bool any_class_name(const xmlNode *node, const std::function<bool(const ClassNameView &)> &f)
{
    // One buffer per thread, reused from element to element: growing a new one for each was
    // most of the work. A test that reads names itself gets a buffer of its own.
    thread_local NameBuffer shared;
    thread_local bool busy = false;
    NameBuffer own;
    NameBuffer &name = busy ? own : shared;
    struct Claim
    {
        bool &busy;
        const bool was;
        ~Claim() { busy = was; }
    } claim{busy, busy};
    busy = true;
    return any_name_in(dom::attr_view(node, "class"), name, f) ||
           any_name_in(dom::attr_view(node, "id"), name, f);
}

std::vector<ClassName> class_names(const xmlNode *node)
{
    std::vector<ClassName> out;
    any_class_name(node, [&](const ClassNameView &name) {
        out.push_back({std::string(name.joined), {name.words.begin(), name.words.end()}});
        return false;
    });
    return out;
}

std::string first_class_name(const xmlNode *node)
{
    std::string first;
    any_class_name(node, [&](const ClassNameView &name) {
        first = name.joined;
        return true;
    });
    return first;
}

std::string chrome_hint(const xmlNode *node, const HintContext &context)
{
    if (dom::attr_view(node, "class").empty() && dom::attr_view(node, "id").empty())
        return {};
    std::string hint;
    any_class_name(node, [&](const ClassNameView &name) {
        // "hidden", "sr-only"; not "overflow-hidden", "field--label-hidden", "hide-for-mobile"
        // (shown on a desktop screen) or "hide-last-message-connector" (a style modifier)
        if (in<visibility_names>(name.joined)) {
            if (shown_on_some_screen(node))
                return false;
            hint = std::string(name.joined);
            return true;
        }
        if (names_a_state_or_page(name))
            return false;
        for (const std::string_view w : name.words) {
            const unsigned t = chrome_word_tables(w);
            if ((t & strong_table) != 0 || (!context.comments_are_content && (t & comment_table)) ||
                (context.reviews_are_chrome && (t & review_table)) ||
                (context.comments_are_content && (t & poster_table))) {
                hint = std::string(w);
                return true;
            }
        }
        return any_compound(name, [&](std::string_view c) {
            if (!in<compound_words>(c) &&
                !(context.comments_are_content && in<poster_compounds>(c)))
                return false;
            hint = std::string(c);
            return true;
        });
    });
    return hint;
}

std::string metadata_hint(const xmlNode *node)
{
    std::string hint;
    any_class_name(node, [&](const ClassNameView &name) {
        for (const std::string_view w : name.words)
            if (in<metadata_words>(w)) {
                hint = std::string(w);
                return true;
            }
        return any_compound(name, [&](std::string_view c) {
            if (!in<metadata_words>(c))
                return false;
            hint = std::string(c);
            return true;
        });
    });
    return hint;
}

bool has_strong_chrome_name(const xmlNode *node, const HintContext &context)
{
    return any_class_name(node, [&](const ClassNameView &name) {
        if (in<strong_names>(name.joined) ||
            (!context.comments_are_content && in<strong_comment_names>(name.joined)))
            return true;
        if (!names_a_state_or_page(name) &&
            std::any_of(name.words.begin(), name.words.end(),
                        [](std::string_view w) { return in<consent_words>(w); }))
            return true;
        return context.reviews_are_chrome &&
               std::any_of(name.words.begin(), name.words.end(),
                           [](std::string_view w) { return in<review_words>(w); });
    });
}

bool has_name_word(const xmlNode *node, std::initializer_list<std::string_view> words)
{
    return any_class_name(node, [&](const ClassNameView &name) {
        return std::any_of(name.words.begin(), name.words.end(), [&](std::string_view w) {
            return std::find(words.begin(), words.end(), w) != words.end();
        });
    });
}

} // namespace colophon::hints
