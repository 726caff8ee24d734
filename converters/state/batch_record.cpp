#include "state/batch_record.h"

#include <nlohmann/json.hpp>

#include <array>
#include <ctime>
#include <stdexcept>

namespace colophon::state {

namespace {

constexpr std::array<std::string_view, 6> status_names{"pending", "ok", "warnings", "failed", "unsupported",
                                                       "duplicate"};

} // namespace

std::string_view status_name(DocStatus s)
{
    return status_names[static_cast<std::size_t>(s)];
}

DocStatus parse_status(std::string_view s)
{
    for (std::size_t i = 0; i < status_names.size(); ++i) {
        if (status_names[i] == s)
            return static_cast<DocStatus>(i);
    }
    throw std::invalid_argument("unknown document status '" + std::string(s) + "'");
}

bool is_success(DocStatus s)
{
    return s == DocStatus::Ok || s == DocStatus::Warnings;
}

bool is_finished(DocStatus s)
{
    return s != DocStatus::Pending;
}

void to_json(nlohmann::json& j, const DocumentRecord& r)
{
    j = nlohmann::json{{"id", r.id},
                       {"key", r.key},
                       {"input", r.input_path},
                       {"identifier", r.identifier},
                       {"size", r.size},
                       {"mtime_ns", r.mtime_ns},
                       {"sha256", r.sha256},
                       {"media_type", r.media_type},
                       {"status", status_name(r.status)},
                       {"stage", r.stage},
                       {"code", r.code},
                       {"reason", r.reason},
                       {"duplicate_of", r.duplicate_of},
                       {"outputs", r.outputs},
                       {"warnings", r.warnings},
                       {"warning_count", r.warning_count},
                       {"method", r.method},
                       {"ocr_confidence", r.ocr_confidence ? nlohmann::json(*r.ocr_confidence) : nlohmann::json()},
                       {"pages", r.pages},
                       {"title", r.title},
                       {"authors", r.authors},
                       {"date", r.date},
                       {"language", r.language},
                       {"corpus_record", r.corpus_record},
                       {"attempts", r.attempts},
                       {"finished_at", r.finished_at},
                       {"seconds", r.seconds},
                       {"timings", r.timings.empty() ? nlohmann::json::object() : nlohmann::json::parse(r.timings)},
                       {"catalogue", r.catalogue.empty() ? nlohmann::json::object() : nlohmann::json::parse(r.catalogue)}};
}

void from_json(const nlohmann::json& j, DocumentRecord& r)
{
    r.id = j.value("id", std::int64_t{0});
    r.key = j.value("key", "");
    r.input_path = j.value("input", "");
    r.identifier = j.value("identifier", "");
    r.size = j.value("size", std::int64_t{0});
    r.mtime_ns = j.value("mtime_ns", std::int64_t{0});
    r.sha256 = j.value("sha256", "");
    r.media_type = j.value("media_type", "");
    r.status = parse_status(j.value("status", "pending"));
    r.stage = j.value("stage", "");
    r.code = j.value("code", "");
    r.reason = j.value("reason", "");
    r.duplicate_of = j.value("duplicate_of", "");
    r.outputs = j.value("outputs", std::vector<std::string>{});
    r.warnings = j.value("warnings", std::vector<std::string>{});
    r.warning_count = j.value("warning_count", 0);
    r.method = j.value("method", "");
    if (j.contains("ocr_confidence") && j["ocr_confidence"].is_number())
        r.ocr_confidence = j["ocr_confidence"].get<double>();
    r.pages = j.value("pages", 0);
    r.title = j.value("title", "");
    r.authors = j.value("authors", std::vector<std::string>{});
    r.date = j.value("date", "");
    r.language = j.value("language", "");
    r.corpus_record = j.value("corpus_record", "");
    r.attempts = j.value("attempts", 0);
    r.finished_at = j.value("finished_at", "");
    r.seconds = j.value("seconds", 0.0);
    if (j.contains("timings") && j["timings"].is_object() && !j["timings"].empty())
        r.timings = j["timings"].dump();
    if (j.contains("catalogue") && j["catalogue"].is_object() && !j["catalogue"].empty())
        r.catalogue = j["catalogue"].dump();
}

std::string utc_now_iso()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::array<char, 32> buf{};
    std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf.data();
}

} // namespace colophon::state
