#pragma once
// Removes what is never article content and marks page chrome (navigation, banners, share
// widgets, related lists, comments, footers, ads) so later stages skip it.

#include "hints/class_hints.h"
#include "html/html_facts.h"

#include <libxml/tree.h>

#include <string>

namespace colophon::html {

struct CleaningReport
{
    int removed = 0;     // elements dropped outright (scripts, styles, hidden, form controls)
    bool flattened = false; // nesting deeper than the limit was flattened into text
    int unwrapped = 0;      // controls kept because the parser moved page text into them
};

// 1. Deletes scripts, styles, embedded objects, form controls and hidden elements, and flattens
// content nested deeper than `max_depth`. Iterative: no recursion over the tree.
CleaningReport remove_never_content(xmlNode* root, int max_depth);

// Frees a subtree without recursion (libxml2's own free may recurse on very deep trees).
void free_subtree(xmlNode* node);

// 2. Marks boilerplate elements `excluded` by element, ARIA role and class/id hints. An element
// holding most of the page's paragraph text is never marked, whatever its class says.
// Needs text statistics in `facts` (compute_text_stats).
void mark_boilerplate(FactsTable &facts, xmlNode *root, const hints::HintContext &hints = {});

} // namespace colophon::html
