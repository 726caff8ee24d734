#pragma once
// A heading that is the site's logo rather than the page's title: `<h1><a href="/">Arch
// Linux</a></h1>`, the site's name linked to its home page, as forums, blogs and wikis head
// every page.

#include <libxml/tree.h>

#include <string_view>

namespace colophon::pagemeta {

// True for an address of a site's home page: "/", "/index.html", "https://host/",
// "https://host" (a query or fragment aside).
bool is_home_link(std::string_view href);

// True when most of the heading's text is a link to the site's home page.
bool heading_links_home(const xmlNode *heading);

} // namespace colophon::pagemeta
