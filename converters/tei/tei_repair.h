#pragma once
// One bad fragment never loses a page: an element of the TEI text that the schema refuses (a
// link whose target no repair makes a URI, markup a hostile page smuggled in) is unwrapped, its
// text kept where it stood, with a warning naming the element; the document is written. What the
// schema refuses in the header, or without naming a node, is not repaired: the caller refuses the
// document as before.

#include "core/diagnostics.h"

#include <libxml/tree.h>

#include <vector>

namespace colophon::tei {

// Unwraps every element (or the element of every attribute) in `nodes` that lies inside the
// TEI `<text>` below its body, front or back. False, with nothing changed, when any node cannot
// be repaired that way.
bool unwrap_refused_elements(const std::vector<xmlNode *> &nodes, core::Diagnostics &diags);

} // namespace colophon::tei
