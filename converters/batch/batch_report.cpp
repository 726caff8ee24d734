#include "batch/batch_report.h"

#include "batch/gzip_member.h"
#include "core/atomic_file.h"
#include "core/text.h"
#include "pool/unique_fd.h"
#include "state/record_json.h"
#include "state/verdicts.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::batch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr auto replace_invalid = json::error_handler_t::replace;

// Relative link from the report to a file: '/'-separated, everything but unreserved bytes
// percent-encoded.
std::string href(std::string_view rel)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : rel) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

std::string format_seconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return buf;
}

std::string join(const std::vector<std::string>& v, std::string_view sep)
{
    std::string out;
    for (const std::string& s : v) {
        if (!out.empty())
            out += sep;
        out += s;
    }
    return out;
}

constexpr const char *css = R"css(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0 0 .3em}
.meta{color:#666;margin-bottom:1em;word-break:break-all}
.counts{display:flex;flex-wrap:wrap;gap:.6em;margin:0 0 1.2em;padding:0;list-style:none}
.counts li{border:1px solid #ccc;border-radius:6px;padding:.4em .8em;min-width:6em}
.counts b{display:block;font-size:1.5em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;border-radius:4px;padding:0 .4em;font-size:.9em;font-weight:600}
.ok .badge{background:#d9f2dd;color:#14501f}
.warnings .badge,.duplicate .badge{background:#fff1c7;color:#6a4a00}
.failed .badge,.unsupported .badge,.pending .badge{background:#fbd9d9;color:#7a1010}
ul.warn{margin:0;padding-left:1.1em;color:#6a4a00;font-size:.9em}
.reason{color:#7a1010}
.key{word-break:break-all}
.partial{background:#fff1c7;border-radius:6px;padding:.5em .8em}
.verdict.accepted{color:#1b5e20;font-weight:600}.verdict.rejected{color:#b71c1c;font-weight:600}
)css";

std::string html_row(const state::DocumentRecord &r, std::int64_t index,
                     const state::Verdict *verdict)
{
    const std::string status(state::status_name(r.status));
    std::ostringstream row;
    row << "<tr class=\"doc " << status << "\" data-status=\"" << status << "\" id=\"doc-" << index << "\">";
    row << "<td class=\"num\">" << index << "</td>";
    row << "<td class=\"key\">" << core::escape_markup(r.key);
    if (!r.identifier.empty() && r.identifier != r.key)
        row << "<br><small>" << core::escape_markup(r.identifier) << "</small>";
    row << "</td>";
    row << "<td><span class=\"badge\">" << status << "</span></td>";
    row << "<td>";
    if (!r.reason.empty())
        row << "<div class=\"reason\">" << core::escape_markup(r.stage.empty() ? r.reason : r.stage + ": " + r.reason)
            << (r.code.empty() ? "" : " [" + core::escape_markup(r.code) + "]") << "</div>";
    if (!r.warnings.empty()) {
        row << "<ul class=\"warn\">";
        for (const std::string& w : r.warnings)
            row << "<li>" << core::escape_markup(w) << "</li>";
        if (r.warning_count > static_cast<int>(r.warnings.size()))
            row << "<li>" << (r.warning_count - static_cast<int>(r.warnings.size())) << " more</li>";
        row << "</ul>";
    }
    row << "</td>";
    row << "<td>" << core::escape_markup(r.title) << "</td>";
    row << "<td>" << core::escape_markup(join(r.authors, "; ")) << "</td>";
    row << "<td>" << core::escape_markup(r.date) << "</td>";
    row << "<td>" << core::escape_markup(r.method) << "</td>";
    row << "<td class=\"num\">" << (r.ocr_confidence ? format_seconds(*r.ocr_confidence) : "") << "</td>";
    row << "<td class=\"num\">" << (r.pages > 0 ? std::to_string(r.pages) : "") << "</td>";
    row << "<td>";
    for (const std::string& o : r.outputs)
        row << "<a class=\"output\" href=\"" << core::escape_markup(href(o)) << "\">" << core::escape_markup(fs::path(o).filename().string())
            << "</a><br>";
    row << "</td>";
    row << "<td class=\"num\">" << format_seconds(r.seconds) << "</td>";
    row << "<td>";
    if (verdict != nullptr)
        row << "<span class=\"verdict " << core::escape_markup(verdict->verdict)
            << "\" data-verdict=\"" << core::escape_markup(verdict->verdict) << "\">"
            << core::escape_markup(verdict->verdict) << "</span>"
            << (verdict->note.empty()
                    ? ""
                    : "<br><small>" + core::escape_markup(verdict->note) + "</small>");
    row << "</td>";
    row << "</tr>\n";
    return row.str();
}

// An unnamed temporary file (gone when closed): successes' rows of the page, written during the
// pass over all documents and copied after the problems.
struct FileClose
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using ScratchFile = std::unique_ptr<std::FILE, FileClose>;

ScratchFile scratch_file()
{
    ScratchFile f(std::tmpfile());
    if (!f)
        throw std::runtime_error(std::string("report: cannot create a temporary file: ") + std::strerror(errno));
    return f;
}

void append_file(std::FILE *from, core::AtomicFile &to)
{
    std::rewind(from);
    char buf[65536];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, from)) > 0)
        to.write(std::string_view(buf, n));
    if (std::ferror(from))
        throw std::runtime_error("report: cannot read its temporary file");
}

// Reads a small file into `out` (left empty when it cannot be read).
void read_whole_file(const fs::path& path, std::string& out)
{
    const pool::UniqueFd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    const int fd = file.get();
    struct stat st{};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return;
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
}

} // namespace

std::string csv_field(std::string_view s)
{
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

BatchCounts count_documents(state::StateDb& db)
{
    BatchCounts c;
    state::sql::Statement s =
        db.database().prepare("SELECT status, count(*), total(seconds) FROM documents GROUP BY status");
    while (s.step()) {
        const state::DocStatus st = state::parse_status(s.text(0));
        c.by_status[static_cast<std::size_t>(st)] = s.integer(1);
        c.total += s.integer(1);
        if (st != state::DocStatus::Pending)
            c.convert_seconds += s.real(2);
    }
    return c;
}

int batch_exit_code(const BatchCounts& c)
{
    if (c.failures() > 0 || c.of(state::DocStatus::Pending) > 0)
        return 1;
    if (c.of(state::DocStatus::Warnings) > 0 || c.of(state::DocStatus::Duplicate) > 0)
        return 3;
    return 0;
}

json counts_json(const BatchCounts& c)
{
    json j = {{"total", c.total}};
    for (std::size_t i = 0; i < c.by_status.size(); ++i)
        j[std::string(state::status_name(static_cast<state::DocStatus>(i)))] = c.by_status[i];
    j["convert_seconds"] = c.convert_seconds;
    return j;
}

namespace {

// The page's head, counts and table header; `shown` of the documents get a row.
std::string html_head(const ReportInfo &info, const std::string &generated_at,
                      const BatchCounts &counts, std::int64_t shown)
{
    std::ostringstream head;
    head << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         << "<title>" << core::escape_markup(info.title) << "</title><style>" << css
         << "</style></head><body>\n"
         << "<h1>" << core::escape_markup(info.title) << "</h1>\n<p class=\"meta\">Generated "
         << generated_at;
    if (!info.command.empty())
        head << " &middot; <code>" << core::escape_markup(info.command) << "</code>";
    head << "</p>\n<ul class=\"counts\" id=\"counts\">"
         << "<li data-count=\"total\"><b>" << counts.total << "</b>documents</li>";
    for (std::size_t i = 1; i < counts.by_status.size(); ++i) {
        const std::string name(state::status_name(static_cast<state::DocStatus>(i)));
        head << "<li class=\"" << name << "\" data-count=\"" << name << "\"><b>" << counts.by_status[i] << "</b>" << name
             << "</li>";
    }
    if (counts.of(state::DocStatus::Pending) > 0)
        head << "<li class=\"pending\" data-count=\"pending\"><b>" << counts.of(state::DocStatus::Pending)
             << "</b>not finished</li>";
    head << "</ul>\n";
    if (shown < counts.total) {
        head << "<p class=\"partial\" id=\"partial\" data-shown=\"" << shown << "\">This page lists " << shown << " of "
             << counts.total << " documents: problems first (failed, unsupported, not finished, with warnings, "
             << "duplicates), then successes. Every document is in <a href=\"report.csv\">report.csv</a> (opens in "
             << "a spreadsheet) and <a href=\"report.json\">report.json</a>.</p>\n";
    }
    head
        << "<table id=\"documents\"><thead><tr><th>#</th><th>Document</th><th>Status</th>"
        << "<th>Problems</th><th>Title</th><th>Authors</th><th>Date</th><th>Method</th><th>OCR "
           "conf.</th>"
        << "<th>Pages</th><th>Outputs</th><th>Seconds</th><th>Verdict</th></tr></thead>\n<tbody>\n";
    return head.str();
}

// One document's line of report.csv (the columns of the header in write_reports).
std::string csv_row(const state::DocumentRecord &r, const state::Verdict *verdict)
{
    const std::string fields[] = {r.key,
                                  r.input_path,
                                  r.identifier,
                                  std::string(state::status_name(r.status)),
                                  r.stage,
                                  r.code,
                                  r.reason,
                                  r.duplicate_of,
                                  r.media_type,
                                  r.method,
                                  r.ocr_confidence ? format_seconds(*r.ocr_confidence) : "",
                                  r.pages > 0 ? std::to_string(r.pages) : "",
                                  r.title,
                                  join(r.authors, "; "),
                                  r.date,
                                  r.language,
                                  std::to_string(r.warning_count),
                                  join(r.warnings, " | "),
                                  join(r.outputs, " "),
                                  format_seconds(r.seconds),
                                  std::to_string(r.attempts),
                                  r.sha256,
                                  verdict ? verdict->verdict : "",
                                  verdict ? verdict->note : "",
                                  verdict ? verdict->marked_at : ""};
    std::string line;
    for (const std::string &f : fields) {
        if (!line.empty())
            line += ',';
        line += csv_field(f);
    }
    return line + "\r\n";
}

} // namespace

void write_reports(state::StateDb &db, const fs::path &dir, const ReportInfo &info)
{
    const BatchCounts counts = count_documents(db);
    const json summary = {{"title", info.title},
                          {"generated_at", state::utc_now_iso()},
                          {"command", info.command},
                          {"wall_seconds", info.wall_seconds},
                          {"exit_code", batch_exit_code(counts)},
                          {"counts", counts_json(counts)}};

    core::AtomicFile json_out(dir / "report.json");
    core::AtomicFile csv_out(dir / "report.csv");
    core::AtomicFile html_out(dir / "report.html");

    // report.json: {"summary": {...}, "documents": [ one object per document ]}, streamed.
    json_out.write("{\"summary\": " + summary.dump(-1, ' ', false, replace_invalid) +
                   ",\n\"documents\": [\n");

    csv_out.write("key,input,identifier,status,stage,code,reason,duplicate_of,media_type,method,"
                  "ocr_confidence,"
                  "pages,title,authors,date,language,warning_count,warnings,outputs,seconds,"
                  "attempts,sha256,verdict,"
                  "verdict_note,verdict_at\r\n");

    const std::int64_t shown =
        std::min(counts.total, std::max<std::int64_t>(info.html_row_limit, 0));
    html_out.write(html_head(info, summary["generated_at"].get<std::string>(), counts, shown));

    // The page lists problems first, then successes, each in key order, `shown` rows in all.
    // Successes are the bulk: their rows are written during the pass over every document below
    // (also in key order) instead of reading them all again.
    const std::int64_t problems = counts.total - counts.of(state::DocStatus::Ok);
    const std::int64_t problems_shown = std::min(shown, problems);
    const std::int64_t successes_shown = shown - problems_shown;
    const ScratchFile success_rows = scratch_file();
    std::int64_t successes_written = 0;
    std::int64_t index = 0;
    std::string line;
    // Verdicts are few (a reviewer marks documents one at a time): held while the reports are
    // written.
    const std::map<std::string, state::Verdict> verdicts = state::read_verdicts(db);
    auto verdict_of = [&](const std::string &key) -> const state::Verdict * {
        const auto it = verdicts.find(key);
        return it == verdicts.end() ? nullptr : &it->second;
    };
    db.for_each([&](const state::DocumentRecord &r) {
        const state::Verdict *verdict = verdict_of(r.key);
        if (r.status == state::DocStatus::Ok && successes_written < successes_shown) {
            const std::string row = html_row(r, problems_shown + ++successes_written, verdict);
            if (std::fwrite(row.data(), 1, row.size(), success_rows.get()) != row.size())
                throw std::runtime_error("report: cannot write its temporary file");
        }
        ++index;
        line.clear();
        if (index > 1)
            line += ",\n";
        state::append_record_json(line, r);
        json_out.write(line);

        csv_out.write(csv_row(r, verdict));
    });

    // The page: what needs attention first, each group in key order, then the successes.
    std::int64_t row = 0;
    using state::DocStatus;
    for (const DocStatus st :
         {DocStatus::Failed, DocStatus::Unsupported, DocStatus::Pending, DocStatus::Warnings, DocStatus::Duplicate}) {
        if (row >= problems_shown)
            break;
        db.for_each_with_status(st, problems_shown - row, [&](const state::DocumentRecord &r) {
            html_out.write(html_row(r, ++row, verdict_of(r.key)));
        });
    }
    append_file(success_rows.get(), html_out);

    json_out.write("\n]}\n");
    html_out.write("</tbody></table>\n</body></html>\n");
    json_out.commit();
    csv_out.commit();
    html_out.commit();
}

CorpusStats write_corpus(state::StateDb& db, const fs::path& dir, const fs::path& corpus)
{
    std::int64_t missing = 0;
    if (corpus.has_parent_path())
        fs::create_directories(corpus.parent_path());
    // Each document's line is a gzip member the worker compressed; joining them is the corpus.
    core::AtomicFile out(corpus);
    std::int64_t lines = 0;
    std::string bytes;
    db.for_each_corpus_record([&](const std::string& record) {
        bytes.clear();
        if (!record.empty())
            read_whole_file(dir / record, bytes);
        if (record.ends_with(".json") && !bytes.empty()) {
            // Kept uncompressed by an earlier version of colophon.
            bytes = gzip_member(bytes.substr(0, bytes.find('\n')) + "\n");
        }
        if (bytes.size() < 18 || bytes[0] != '\x1f' || bytes[1] != '\x8b') {
            ++missing; // the next run converts it again (its outputs are incomplete)
            return;
        }
        out.write(bytes);
        ++lines;
    });
    if (lines == 0)
        out.write(gzip_member("")); // still a valid gzip file
    out.commit();
    return {lines, missing};
}

} // namespace colophon::batch
