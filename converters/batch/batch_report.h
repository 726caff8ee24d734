#pragma once
// The end of a batch: report.json, report.csv and a self-contained report.html (inline CSS, no
// external resources) in the output directory, and the clean-text corpus. All are rebuilt from
// the state database, so they always match it, also after a resumed or merged run, and all are
// streamed document by document.

#include "state/state_db.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace colophon::batch {

struct BatchCounts
{
    std::array<std::int64_t, 6> by_status{}; // indexed by state::DocStatus
    std::int64_t total = 0;
    double convert_seconds = 0;               // summed worker time of finished documents

    std::int64_t of(state::DocStatus s) const { return by_status[static_cast<std::size_t>(s)]; }
    std::int64_t failures() const { return of(state::DocStatus::Failed) + of(state::DocStatus::Unsupported); }
};

BatchCounts count_documents(state::StateDb& db);

// 0 when every document converted cleanly, 3 with warnings (duplicates count as warnings),
// 1 when any failed, is unsupported or was not finished.
int batch_exit_code(const BatchCounts& counts);

nlohmann::json counts_json(const BatchCounts& counts);

struct ReportInfo
{
    std::string title = "colophon batch report";
    std::string command;   // shown in the report
    double wall_seconds = 0;
    // Rows of report.html. A browser handles a few thousand table rows well and 100,000 badly,
    // so the page lists problems first (failed, unsupported, not finished, warnings,
    // duplicates), then successes, up to this many, and points to report.csv / report.json,
    // which always list every document.
    std::int64_t html_row_limit = 5000;
};

// Writes report.json, report.csv and report.html in `dir`; output paths in the database are
// relative to `dir`.
void write_reports(state::StateDb& db, const std::filesystem::path& dir, const ReportInfo& info);

struct CorpusStats
{
    std::int64_t lines = 0;
    std::int64_t missing = 0; // successful documents whose corpus line is not on disk
};

// Joins the corpus lines of every successful document (relative to `dir`) into a gzip JSON Lines
// file, in key order.
CorpusStats write_corpus(state::StateDb& db, const std::filesystem::path& dir, const std::filesystem::path& corpus);

// For report.csv: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view s);

} // namespace colophon::batch
