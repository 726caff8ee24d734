#include "html/html_page_type.h"

#include "core/text.h"
#include "dom/html_dom.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace colophon::html {

namespace {

using nlohmann::json;

// JSON-LD nests objects in @graph, arrays and properties; deeper than this is not a page's own.
constexpr int max_jsonld_depth = 8;

// What a kind of page has, combined with |: the traits of PageProfile.
namespace trait {
constexpr unsigned none = 0;
constexpr unsigned thread_posts = 1;     // comments_are_content
constexpr unsigned customer_reviews = 2; // reviews_are_chrome
constexpr unsigned byline = 4;           // has_byline
constexpr unsigned handles = 8;          // handles_are_authors
constexpr unsigned slogans = 16;         // slogan_headings
constexpr unsigned cards = 32;           // cards
constexpr unsigned description = 64;     // declared_description
} // namespace trait

constexpr PageProfile kind(const char *type, ContentExtent extent, unsigned traits)
{
    return {.type = type,
            .comments_are_content = (traits & trait::thread_posts) != 0,
            .reviews_are_chrome = (traits & trait::customer_reviews) != 0,
            .extent = extent,
            .has_byline = (traits & trait::byline) != 0,
            .handles_are_authors = (traits & trait::handles) != 0,
            .slogan_headings = (traits & trait::slogans) != 0,
            .cards = (traits & trait::cards) != 0,
            .declared_description = (traits & trait::description) != 0};
}

// What main content means, one row per kind of page. (wcxb-dev README: a thread's posts, every
// card of a listing or collection, every section of a service page, a product's description
// and specifications, documentation without its sidebar.) Bylines: in wcxb-dev's ground truth
// articles and threads name an author and a date on 78-94% of pages, the other kinds on 0-6%
// (a product's release date, a service page's copyright year are not publications); a thread's
// authors are the posters' user names. Headings: a service page opens with a slogan ("Build
// fast.") and a listing with a section heading ("Latest"), their names are in the declared
// titles; other kinds open with their name (wcxb-dev titles when the declared title wins over
// a disagreeing main heading: service 0.47 -> 0.63, listing 0.72 -> 0.75; the others lose).
// Cards: a listing's cards keep their date and byline lines (wcxb-dev listing word F1 0.693 ->
// 0.695; on collections, where the ground truth keeps fewer card dates, 0.650 -> 0.649: not there).
constexpr std::array<PageProfile, 7> profiles = {{
    kind("article", ContentExtent::densest_element, trait::byline),
    kind("forum", ContentExtent::whole_region,
         trait::thread_posts | trait::byline | trait::handles),
    kind("listing", ContentExtent::whole_region, trait::slogans | trait::cards),
    kind("collection", ContentExtent::whole_region, trait::none),
    kind("product", ContentExtent::densest_element, trait::customer_reviews | trait::description),
    kind("service", ContentExtent::declared_main, trait::slogans),
    kind("documentation", ContentExtent::whole_region, trait::none),
}};

// schema.org types, most specific first within each kind; the first declared type found wins.
struct TypeRow
{
    std::string_view schema_type;
    std::string_view page_type;
};
constexpr std::array<TypeRow, 16> schema_kinds = {{
    {"DiscussionForumPosting", "forum"},
    {"QAPage", "forum"},
    {"Product", "product"},
    {"ProductGroup", "product"},
    {"CollectionPage", "collection"},
    {"ItemList", "listing"},
    {"SearchResultsPage", "listing"},
    {"TechArticle", "documentation"},
    {"APIReference", "documentation"},
    {"NewsArticle", "article"},
    {"BlogPosting", "article"},
    {"Article", "article"},
    {"ScholarlyArticle", "article"},
    {"Report", "article"},
    {"Service", "service"},
    {"FAQPage", "service"},
}};

// Words of the address path that name a kind of page ("/t/slug/123", "/docs/", "/products/x").
struct PathRow
{
    std::string_view segment;
    std::string_view page_type;
};
constexpr std::array<PathRow, 22> path_kinds = {{
    {"forum", "forum"},
    {"forums", "forum"},
    {"thread", "forum"},
    {"threads", "forum"},
    {"topic", "forum"},
    {"t", "forum"},
    {"discussion", "forum"},
    {"questions", "forum"},
    {"docs", "documentation"},
    {"documentation", "documentation"},
    {"reference", "documentation"},
    {"api", "documentation"},
    {"manual", "documentation"},
    {"product", "product"},
    {"products", "product"},
    {"dp", "product"},
    {"collections", "collection"},
    {"category", "collection"},
    {"categories", "collection"},
    {"services", "service"},
    {"solutions", "service"},
    {"pricing", "service"},
}};

// `into` becomes `j[key]` when that is a longer string.
void take_longer(const json &j, const char *key, std::string &into)
{
    if (const auto v = j.find(key);
        v != j.end() && v->is_string() && into.size() < v->get_ref<const std::string &>().size())
        into = v->get<std::string>();
}

void collect_types(const json &j, PageSignals &s, int depth)
{
    if (depth > max_jsonld_depth)
        return;
    if (j.is_array()) {
        for (const json &x : j)
            collect_types(x, s, depth + 1);
        return;
    }
    if (!j.is_object())
        return;
    bool product = false;
    if (const auto t = j.find("@type"); t != j.end()) {
        const auto add = [&](const std::string &type) {
            s.schema_types.push_back(type);
            product = product || type == "Product";
        };
        if (t->is_string())
            add(t->get<std::string>());
        else if (t->is_array())
            for (const json &x : *t)
                if (x.is_string())
                    add(x.get<std::string>());
    }
    take_longer(j, "articleBody", s.article_body);
    if (product)
        take_longer(j, "description", s.product_description);
    for (const auto &[key, value] : j.items())
        if (value.is_object() || value.is_array())
            collect_types(value, s, depth + 1);
}

// "https://schema.org/Product" -> "Product"
std::string type_name(std::string_view itemtype)
{
    const auto slash = itemtype.find_last_of('/');
    return std::string(
        core::trim(slash == std::string_view::npos ? itemtype : itemtype.substr(slash + 1)));
}

} // namespace

std::vector<std::string> path_segments(const std::string &url)
{
    std::string_view path = url;
    if (const auto scheme = path.find("://"); scheme != std::string_view::npos) {
        path.remove_prefix(scheme + 3);
        const auto slash = path.find('/');
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    if (const auto q = path.find_first_of("?#"); q != std::string_view::npos)
        path = path.substr(0, q);
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < path.size()) {
        const auto j = std::min(path.find('/', i), path.size());
        if (j > i)
            out.push_back(core::to_lower(std::string(path.substr(i, j - i))));
        i = j + 1;
    }
    return out;
}

PageSignals read_page_signals(xmlDoc *doc)
{
    PageSignals s;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *n = root; n != nullptr; n = dom::next_in_order(n, root)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const std::string_view tag = dom::tag_of(n);
        if (tag == "script" &&
            dom::attr_view(n, "type").find("ld+json") != std::string_view::npos) {
            std::string text;
            dom::append_raw_text(n, text);
            const json j = json::parse(text, nullptr, false);
            if (!j.is_discarded())
                collect_types(j, s, 0);
        } else if (tag == "meta" && dom::attr_view(n, "property") == "og:type") {
            s.og_type = core::to_lower(std::string(core::trim(dom::attr_view(n, "content"))));
        }
        if (const std::string_view itemtype = dom::attr_view(n, "itemtype"); !itemtype.empty())
            s.schema_types.push_back(type_name(itemtype));
    }
    return s;
}

std::span<const PageProfile> page_kinds()
{
    return profiles;
}

const PageProfile &page_profile(std::string_view type)
{
    for (const PageProfile &p : profiles)
        if (type == p.type)
            return p;
    return profiles.front();
}

std::string_view kind_named_by_path_segment(std::string_view segment)
{
    for (const PathRow &row : path_kinds)
        if (segment == row.segment)
            return row.page_type;
    return {};
}

std::string_view kind_of_schema_type(std::string_view schema_type)
{
    for (const TypeRow &row : schema_kinds)
        if (schema_type == row.schema_type)
            return row.page_type;
    return {};
}

const PageProfile &declared_page_kind(const PageSignals &signals, const std::string &url)
{
    // 1. the address: forum threads, documentation and shops name their sections
    for (const std::string &segment : path_segments(url))
        if (const std::string_view kind = kind_named_by_path_segment(segment); !kind.empty())
            return page_profile(kind);
    // 2. declared types, in the table's order of precedence
    for (const TypeRow &row : schema_kinds)
        if (std::find(signals.schema_types.begin(), signals.schema_types.end(), row.schema_type) !=
            signals.schema_types.end())
            return page_profile(row.page_type);
    if (signals.og_type == "product")
        return page_profile("product");
    return page_profile("article");
}

} // namespace colophon::html
