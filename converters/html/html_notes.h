#pragma once
// Footnotes and endnotes: in-page reference marks (<sup><a href="#fn1">, role=doc-noteref,
// epub:type=noteref, "[1]" links) tied to the note text they point at; the notes section is
// taken out of the body and each mark becomes a NoteRef.

#include "core/document.h"
#include "html/html_blocks.h"

#include <libxml/tree.h>

#include <vector>

namespace colophon::html {

// Finds marks inside `content` whose targets (anywhere under `page`) read as notes. Fills
// `ctx.note_marks`, marks the note elements (and an emptied notes section with its heading) as
// taken out of the body, and returns the notes in document order.
std::vector<core::Note> extract_notes(xmlNode* content, xmlNode* page, BlockContext& ctx);

// A valid xml:id (NCName) made from `raw`, unique within `taken`.
std::string make_xml_id(std::string_view raw, std::vector<std::string>& taken);

} // namespace colophon::html
