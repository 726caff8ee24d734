#pragma once
// One window of a page's main content (a detached subtree) to blocks and notes, by the same
// cleaning, boilerplate and block rules as a whole page.

#include "core/diagnostics.h"
#include "core/document.h"
#include "hints/class_hints.h"
#include "html/html_blocks.h"

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace colophon::htmlstream {

struct WindowRules
{
    hints::HintContext hints; // what the page's kind says about comments, reviews, cards
    html::BlockContext
        blocks; // links, filters and depth as the first window had them (no facts, no marks)
};

// Converts the elements under `root`. Note ids are made unique against `taken_ids` (the ids of
// every earlier window), which is updated.
core::BodyPart convert_window(xmlNode *root, const WindowRules &rules,
                              std::vector<std::string> &taken_ids, core::Diagnostics &diags);

} // namespace colophon::htmlstream
