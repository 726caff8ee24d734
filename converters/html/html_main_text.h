#pragma once
// Finds the element that holds the article body: the page's own semantics first (itemprop
// articleBody, <article>, role=main, <main>), checked against a readability-style score that
// rewards running text and penalises link-dense and short fragments.

#include "html/html_facts.h"
#include "html/html_page_type.h"

#include <libxml/tree.h>

namespace colophon::html {

// Fills letters, link_letters, para_letters, good_letters and score of every element under
// `root`; with `respect_exclusions`, boilerplate subtrees count for nothing.
void compute_text_stats(FactsTable& facts, xmlNode* root, bool respect_exclusions);

// True when a text block of `letters` letters, `link_letters` of them linked, reads as running
// text rather than chrome.
bool reads_as_running_text(int letters, int link_letters, bool sentence_end);

// The largest <main> (or role=main) holding at least half of the page's text; null when none.
xmlNode *find_declared_main(FactsTable &facts, xmlNode *root);

// The page's main region: its declared main, else `root`.
xmlNode* find_main_region(FactsTable& facts, xmlNode* root);

// The element holding the article body; `root` itself when nothing scores better.
xmlNode* find_main_content(FactsTable& facts, xmlNode* root);

// The main content of a page of the given extent (see ContentExtent).
xmlNode *find_content(FactsTable &facts, xmlNode *root, ContentExtent extent);

} // namespace colophon::html
