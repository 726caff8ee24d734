#pragma once
// Debug aid for the evaluation tool: how the layout analysis sees a PDF's lines.

#include <ostream>
#include <string>

namespace colophon::pdf {

// Prints every page's lines (reading order, box, size, frame, bold/italic, superscripts in
// brackets). Returns 0, or 1 when the file cannot be read.
int dump_lines(const std::string& path, std::ostream& out);

} // namespace colophon::pdf
