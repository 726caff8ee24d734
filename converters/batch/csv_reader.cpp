#include "batch/csv_reader.h"

#include <stdexcept>

namespace colophon::batch {

CsvTable parse_csv(std::string_view text, char separator)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);

    CsvTable table;
    CsvRow row;
    std::string field;
    bool row_has_content = false; // a row of one empty unquoted field is a blank line
    int line = 1;
    int row_line = 1;

    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
    };
    auto end_row = [&] {
        end_field();
        if (row_has_content || row.size() > 1) {
            table.rows.push_back(std::move(row));
            table.row_lines.push_back(row_line);
        }
        row.clear();
        row_has_content = false;
    };

    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && field.empty()) {
            // Quoted field: runs to the next quote not doubled.
            const int quote_line = line;
            row_has_content = true;
            ++i;
            for (;;) {
                if (i >= text.size())
                    throw std::runtime_error("line " + std::to_string(quote_line) + ": unterminated quoted field");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == '\n')
                    ++line;
                field += text[i++];
            }
            // Only a separator or a line end may follow the closing quote.
            if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r')
                throw std::runtime_error("line " + std::to_string(line) + ": unexpected character after a closing quote");
            if (i < text.size() && text[i] == separator) {
                end_field();
                ++i;
                if (i >= text.size())
                    end_row();
            }
            continue;
        }
        if (c == separator) {
            end_field();
            row_has_content = true;
            ++i;
            if (i >= text.size())
                end_row();
            continue;
        }
        if (c == '\r' || c == '\n') {
            end_row();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++i;
            ++line;
            row_line = line;
            continue;
        }
        field += c;
        row_has_content = true;
        ++i;
    }
    if (!field.empty() || !row.empty() || row_has_content)
        end_row();
    return table;
}

char guess_separator(std::string_view text)
{
    const std::string_view first = text.substr(0, text.find('\n'));
    std::size_t tabs = 0, commas = 0;
    for (const char c : first) {
        tabs += c == '\t';
        commas += c == ',';
    }
    return tabs > commas ? '\t' : ',';
}

} // namespace colophon::batch
