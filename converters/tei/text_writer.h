#pragma once
// Document -> clean plain text for downstream tools: title, byline, date, then the text in
// paragraphs separated by blank lines, notes at the end. UTF-8, NFC, LF, no markup.

#include "core/document.h"

#include <string>

namespace colophon::tei {

std::string write_text(const core::Document& doc);

// The body alone (abstract first, then every block), paragraphs separated by blank lines;
// what the evaluation tools compare against reference article text.
std::string body_text(const core::Document& doc);

// The closing "Notes" section of write_text (empty when there are none).
std::string notes_text(const std::vector<core::Note> &notes);

} // namespace colophon::tei
