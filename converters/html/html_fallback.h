#pragma once
// The fallback chain: when the main-content pass leaves (almost) nothing of a page that shows
// text, wider readings are tried in order and the first that yields text is kept, its name in
// Extraction::method: the whole main region without the link filter ("html-wider"), the
// schema.org articleBody the page declares ("html-schema-article-body"), then every visible
// paragraph outside navigation, header, footer and asides ("html-visible-paragraphs"), and last,
// on pages without paragraphs, the text of every innermost block there ("html-visible-text").

#include "core/document.h"
#include "html/html_blocks.h"
#include "html/html_facts.h"
#include "html/html_page_type.h"

#include <libxml/tree.h>

namespace colophon::html {

// True when `doc`'s body and abstract hold fewer letters than a page's text ever does.
bool body_is_nearly_empty(const core::Document &doc);

// Runs the chain on a nearly empty `doc` (see above); leaves it unchanged when every step
// yields nothing too.
void rescue_nearly_empty_body(core::Document &doc, FactsTable &facts, xmlNode *body,
                              const PageSignals &signals, BlockContext ctx);

} // namespace colophon::html
