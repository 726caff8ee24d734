#pragma once
// RFC 4180 reading of catalogue manifests with libcsv (strict quoting): quoted fields with
// embedded separators, quotes ("") and line breaks, CRLF or LF line ends, a UTF-8 byte order mark.
// The separator is a parameter so the same reader handles TSV exported by spreadsheets. Rows keep
// the line they start on; checking the field count against the header is the caller's (manifest).

#include <string>
#include <string_view>
#include <vector>

namespace colophon::batch {

using CsvRow = std::vector<std::string>;

struct CsvTable
{
    std::vector<CsvRow> rows;
    std::vector<int> row_lines; // 1-based line where each row starts, for error messages
};

// Throws std::runtime_error("line N: ...") on an unterminated quoted field or on a stray
// character after a closing quote (N: the line the row starts on). Blank lines are skipped.
CsvTable parse_csv(std::string_view text, char separator = ',');

// ',' unless the first line has more tabs than commas (a TSV export).
char guess_separator(std::string_view text);

} // namespace colophon::batch
