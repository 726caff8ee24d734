#pragma once
// The kind of web page (article, forum, listing, collection, product, service, documentation),
// recognised from what the page declares (schema.org types in JSON-LD and microdata, og:type)
// and its address, and what main content means for each kind: one row per kind in a table of
// settings (html_page_type.cpp), never a rule for one site.

#include <libxml/tree.h>

#include <string>
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
};

PageSignals read_page_signals(xmlDoc *doc);

// What main content means for one kind of page.
struct PageProfile
{
    const char *type;          // "article", "forum", ...
    bool comments_are_content; // a thread's posts are marked up as comments
    bool whole_region;         // every card, row and section of the main region is content
};

// The kind of page; "article" when nothing says otherwise. `url` is the page's address (may be
// empty).
const PageProfile &classify_page(const PageSignals &signals, const std::string &url);

} // namespace colophon::html
