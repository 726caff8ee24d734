#include "batch/csv_reader.h"

#include <csv.h>

#include <stdexcept>

namespace colophon::batch {

namespace {

// libcsv's parser lives in caller-owned storage; csv_free releases its buffers.
class CsvParser
{
public:
    explicit CsvParser(unsigned char options)
    {
        if (csv_init(&p_, options) != 0)
            throw std::runtime_error("cannot initialise the CSV parser");
    }
    ~CsvParser() { csv_free(&p_); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    csv_parser* get() { return &p_; }

private:
    csv_parser p_{};
};

// libcsv reports rows and fields, not lines; the lines are counted here from the row ends it
// reports (every CR and LF, CSV_REPALL_NL) and from line breaks inside quoted fields, so errors
// can name the line a row starts on.
struct Collector
{
    CsvTable table;
    CsvRow row;
    int line = 1;         // line the parser has reached
    int row_line = 1;     // line the current row started on
    bool after_cr = false; // the last row end was a CR (a following LF is the same line end)

    static void on_field(void* data, std::size_t size, void* self)
    {
        auto* c = static_cast<Collector*>(self);
        std::string field(data ? static_cast<const char*>(data) : "", data ? size : 0);
        for (std::size_t i = 0; i < field.size(); ++i)
            if (field[i] == '\n' || (field[i] == '\r' && (i + 1 == field.size() || field[i + 1] != '\n')))
                ++c->line;
        c->row.push_back(std::move(field));
        c->after_cr = false;
    }

    static void on_row_end(int terminator, void* self)
    {
        auto* c = static_cast<Collector*>(self);
        const bool lf_of_crlf = terminator == '\n' && c->after_cr && c->row.empty();
        if (!c->row.empty()) {
            c->table.rows.push_back(std::move(c->row));
            c->table.row_lines.push_back(c->row_line);
            c->row.clear();
        }
        if (terminator == '\n' || terminator == '\r') {
            if (!lf_of_crlf)
                ++c->line;
        }
        c->after_cr = terminator == '\r';
        c->row_line = c->line;
    }
};

// Only the space character is trimmed around unquoted fields (libcsv's default also trims
// tabs, which are the separator of TSV exports).
int is_space(unsigned char c) { return c == ' ' ? 1 : 0; }

} // namespace

CsvTable parse_csv(std::string_view text, char separator)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);

    CsvParser parser(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
    csv_set_delim(parser.get(), static_cast<unsigned char>(separator));
    csv_set_space_func(parser.get(), is_space);

    Collector c;
    const auto fail = [&](int at_line) {
        const int err = csv_error(parser.get());
        const std::string what = err == CSV_EPARSE ? "malformed quoted field (text after a closing quote, or a "
                                                     "quote that is never closed)"
                                                   : csv_strerror(err);
        throw std::runtime_error("line " + std::to_string(at_line) + ": " + what);
    };
    if (csv_parse(parser.get(), text.data(), text.size(), Collector::on_field, Collector::on_row_end, &c) !=
        text.size())
        fail(c.row_line);
    if (csv_fini(parser.get(), Collector::on_field, Collector::on_row_end, &c) != 0)
        fail(c.row_line);
    return std::move(c.table);
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
