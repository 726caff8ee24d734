#pragma once
// The review page's view of an HTML page (core::ConversionTrace::html_blocks): every block of
// visible text in document order, with whether it was kept (in the body, notes or metadata),
// dropped (outside the main content, or by the body's clean-up) or boilerplate (and the rule
// that marked it). Built only when ConvertOptions::trace asks, after the conversion is done.

#include "core/trace.h"
#include "html/html_facts.h"

#include <libxml/tree.h>

#include <vector>

namespace colophon::html {

// `body` is the cleaned page, `content` the element chosen as the main content, `doc` what the
// conversion kept.
std::vector<core::HtmlTraceBlock> trace_html_blocks(FactsTable &facts, xmlNode *body,
                                                    const xmlNode *content,
                                                    const core::Document &doc);

} // namespace colophon::html
