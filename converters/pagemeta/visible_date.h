#pragma once
// A publication date the page shows without marking it up as one: a short line holding a
// date just after the article's heading ("October 3, 2024", "By Ann Lee - Mar 27, 2024",
// "Published 14.10.2025"), the published date preferred over a "Last updated" one.

#include "core/document.h"

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>

namespace colophon::pagemeta {

// True when a line gives the date something was last changed rather than published
// ("Updated: December 9, 2025", "Last modified 3 May 2024").
bool is_update_line(std::string_view text);

// The first day-precise date in a short element among the elements that follow `heading`
// (at most a screenful of them, inside `root`); a published date before an updated one; when
// none follows, one of the few elements just before the heading (a date above a headline).
std::optional<core::PublicationDate> find_date_after_heading(xmlNode *heading, const xmlNode *root,
                                                             const std::string &language);

} // namespace colophon::pagemeta
