#pragma once
// The kind of web page (article, forum, listing, collection, product, service, documentation),
// recognised from what the page declares (schema.org types in JSON-LD and microdata, og:type)
// and its address, and what main content means for each kind: one row per kind in a table of
// settings (html_page_type.cpp), never a rule for one site.

#include <libxml/tree.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::html {

// What the page declares about itself for machines, read before cleaning (JSON-LD lives in
// <script> elements).
struct PageSignals
{
    std::vector<std::string>
        schema_types;         // "NewsArticle", "Product", "DiscussionForumPosting", ...
    std::string og_type;      // "article", "product", "website"
    std::string article_body; // schema.org articleBody / text of the main entity, if any
    std::string product_description; // the longest schema.org Product description, if any
};

PageSignals read_page_signals(xmlDoc *doc);

// How much of a page its main content spans.
enum class ContentExtent
{
    densest_element, // the element densest in running text (one article, one product)
    declared_main,   // the page's <main> when it holds most of the text, else the densest element
    whole_region,    // every card, row and post of the main region (or of the whole body)
};

// What main content means for one kind of page.
struct PageProfile
{
    const char *type;          // "article", "forum", ...
    bool comments_are_content; // a thread's posts are marked up as comments
    bool reviews_are_chrome;   // customers' reviews and ratings are not the product's description
    ContentExtent extent;
    bool has_byline;          // the page names its authors and publication date
    bool handles_are_authors; // a poster's user name ("jdoe42") is an author's name
    bool slogan_headings;     // the main heading is a slogan or section name, not the page's title
    bool cards;               // a run of cards or rows: each keeps its own date and byline line,
                              // and the last one's text closes no article
    bool declared_description; // the description the page declares stands in for a visible one
                               // the body lacks (html_declared_text.h)
};

// The seven kinds, "article" first; the page-type model's classes in this order.
std::span<const PageProfile> page_kinds();
// The profile of a kind by name; "article"'s for a name that is none.
const PageProfile &page_profile(std::string_view type);

// What the page says it is, by rule (html_page_model's classify_page weighs it with the rest of
// the page): the address's words (/t/, /docs/, /products/), then
// declared schema.org types and og:type; "article" when nothing says otherwise. `url` is the
// page's address (may be empty).
const PageProfile &declared_page_kind(const PageSignals &signals, const std::string &url);

// Pieces of the rule, for the model's features: the lower-cased segments of an address's path,
// and the kind a path segment or schema.org type names (empty when none).
std::vector<std::string> path_segments(const std::string &url);
std::string_view kind_named_by_path_segment(std::string_view segment);
std::string_view kind_of_schema_type(std::string_view schema_type);

} // namespace colophon::html
