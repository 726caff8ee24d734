#pragma once
// Link targets: resolving relative references and telling note marks from ordinary links.

#include <string>
#include <string_view>

namespace colophon::html {

// Resolves `href` against `base` (RFC 3986 via libxml2). Returns an empty string for targets that
// lead nowhere a reader can follow (empty, "#", javascript:, data:, mailto: is kept).
std::string resolve_link(std::string_view href, std::string_view base);

// True for "#fn1"-style references into the same page.
bool is_fragment_only(std::string_view href);

// True when `href` points into the page itself: a bare fragment, or `page#frag` where page equals
// `page_url` without its fragment.
bool is_in_page(std::string_view href, std::string_view page_url);

// The fragment without '#', or empty.
std::string_view fragment_of(std::string_view href);

} // namespace colophon::html
