#pragma once
// What the batch knows about one document: the row of the state database, the message a worker
// sends back, and one line of the reports.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::state {

enum class DocStatus
{
    Pending,     // not finished yet (never started, or interrupted)
    Ok,          // converted cleanly
    Warnings,    // converted; `warnings` says what was doubtful
    Failed,      // `stage`, `code` and `reason` say why
    Unsupported, // the sniffed type has no converter (reported, never dropped)
    Duplicate,   // same bytes as `duplicate_of`; not converted again
};

std::string_view status_name(DocStatus s); // "pending", "ok", "warnings", "failed", ...
DocStatus parse_status(std::string_view s);
bool is_success(DocStatus s);              // Ok or Warnings
bool is_finished(DocStatus s);             // anything but Pending

struct DocumentRecord
{
    std::int64_t id = 0;
    std::string key;          // unique in the batch; outputs are named after it
    std::string input_path;
    std::string identifier;   // from the manifest, else derived from the key
    std::string catalogue;    // the manifest record as JSON; empty when none
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string sha256;
    std::string media_type;
    DocStatus status = DocStatus::Pending;
    std::string stage;        // failing stage: read, convert, render, write, package
    std::string code;         // diagnostic code of the failure ("input.empty")
    std::string reason;
    std::string duplicate_of; // key of the document with the same bytes
    std::vector<std::string> outputs; // relative to the batch output directory
    std::vector<std::string> warnings; // formatted diagnostics, capped
    int warning_count = 0;
    std::string method;       // html, pdf-text, ocr, pdf-text+ocr
    std::optional<double> ocr_confidence; // mean over OCR'd pages, 0..100
    int pages = 0;
    std::string title;
    std::vector<std::string> authors;
    std::string date;
    std::string language;
    std::string corpus_record; // relative path of this document's corpus line, when kept
    int attempts = 0;
    std::string finished_at;   // UTC, ISO 8601
    double seconds = 0;        // wall time in the worker
    std::string timings;       // JSON object: seconds per stage
};

void to_json(nlohmann::json& j, const DocumentRecord& r);
void from_json(const nlohmann::json& j, DocumentRecord& r);

std::string utc_now_iso();

} // namespace colophon::state
