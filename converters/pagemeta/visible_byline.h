#pragma once
// A byline the page shows under its heading without marking it up: "By Ann Lee", "Written by
// Ann Lee - Mar 27, 2024", or a label ("By", "Written by") with the name in the next element.

#include "core/document.h"

#include <libxml/tree.h>

#include <vector>

namespace colophon::pagemeta {

// The authors of the first byline among the elements that follow `heading` (at most a
// screenful of them, inside `root`); empty when there is none.
std::vector<core::Author> find_byline_after_heading(xmlNode *heading, const xmlNode *root);

} // namespace colophon::pagemeta
