#pragma once
// What a page declares for machines, standing in for what its visible page lacks: a product's
// schema.org description (JSON-LD), when the body the main-content pass found holds fewer than
// half of its words (the visible description sat in markup the pass did not take, or the page
// shows it only after a script runs).

#include "core/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::html {

// One paragraph a non-blank line of declared text (schema.org articleBody, a description).
std::vector<core::Block> lines_as_paragraphs(std::string_view text);

// Puts `description` (plain text or HTML, one paragraph a line) before the body when the body
// lacks most of its words; true when it did.
bool add_declared_description(core::Document &doc, const std::string &description);

} // namespace colophon::html
