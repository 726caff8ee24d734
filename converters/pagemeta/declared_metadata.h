#pragma once
// Metadata a page declares for machines: <title>, <meta> (Open Graph, Twitter cards, Highwire
// citation_*, Dublin Core), <link rel>, JSON-LD (schema.org) and microdata. Collected per source
// so the converter can merge them with what the page shows (see merge order in html_converter.cpp).

#include "core/document.h"

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace colophon::pagemeta {

struct SourcedValue
{
    std::string value;
    std::string source; // "citation", "jsonld", "og", ...
};

struct PageMeta
{
    std::string title_tag;
    std::vector<SourcedValue> titles;                   // in precedence order
    std::string alternative_headline;                   // JSON-LD alternativeHeadline
    std::vector<std::vector<core::Author>> author_sets; // in precedence order, one per source
    std::vector<SourcedValue> dates;                    // in precedence order, raw values
    std::vector<SourcedValue> publishers;
    std::vector<SourcedValue> urls;      // canonical first
    std::vector<SourcedValue> languages; // <html lang> first
    std::vector<std::string> keywords;
    std::string abstract;    // citation_abstract / dc.description on scholarly pages
    std::string description; // og/meta description
    std::string journal;     // citation_journal_title
    std::string volume, issue;
    std::string base_href;                     // <base href>
    std::vector<std::string> rel_author_names; // visible <a rel=author>
    bool has_article_jsonld = false;
};

// Reads every declared source. Call before cleaning: JSON-LD lives in <script> elements.
PageMeta collect_page_meta(xmlDoc *doc);

// "Title – Site Name" -> "Title" when the suffix is the site name (or any " | X" tail when the
// remaining part is long enough).
std::string strip_site_suffix(const std::string &title, const std::string &site);

} // namespace colophon::pagemeta
