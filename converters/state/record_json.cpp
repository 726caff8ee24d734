#include "state/record_json.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace colophon::state {

namespace {

constexpr auto replace_invalid = nlohmann::json::error_handler_t::replace;

// A string value, escaped by the JSON library (its rules for invalid UTF-8 too); only the
// object around the values is assembled here.
void append_string(std::string& out, std::string_view s)
{
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, replace_invalid);
}

void append_strings(std::string& out, const std::vector<std::string>& v)
{
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0)
            out += ',';
        append_string(out, v[i]);
    }
    out += ']';
}

// Doubles in nlohmann's shortest round-trip form.
void append_number(std::string& out, double v)
{
    out += nlohmann::json(v).dump();
}

// An object kept as JSON text (timings, catalogue). colophon stores these as nlohmann's compact
// dump, which is what parsing and dumping them again would print: copied as they are. Anything
// else (not a one-line object) goes through the parser.
void append_object(std::string& out, const std::string& text)
{
    if (text.empty()) {
        out += "{}";
        return;
    }
    if (text.front() == '{' && text.back() == '}' && text.find_first_of("\n\r") == std::string::npos &&
        text.find(": ") == std::string::npos && text.find(", ") == std::string::npos) {
        out += text;
        return;
    }
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
        throw nlohmann::json::parse_error::create(101, 0, "stored JSON object is unreadable: " + text, nullptr);
    out += j.dump(-1, ' ', false, replace_invalid);
}

class Fields
{
public:
    explicit Fields(std::string& out) : out_(out) { out_ += '{'; }
    ~Fields() { out_ += '}'; }
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;
    std::string& key(std::string_view k)
    {
        if (!first_)
            out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k;
        out_ += "\":";
        return out_;
    }

private:
    std::string& out_;
    bool first_ = true;
};

} // namespace

std::string strings_to_json(const std::vector<std::string>& v)
{
    std::string out;
    append_strings(out, v);
    return out;
}

std::vector<std::string> strings_from_json(std::string_view text)
{
    if (text.empty())
        return {};
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array())
        return {};
    std::vector<std::string> out;
    for (const nlohmann::json& e : j) {
        if (e.is_string())
            out.push_back(e.get<std::string>());
    }
    return out;
}

void append_record_json(std::string& out, const DocumentRecord& r)
{
    // Sorted as nlohmann's std::map-backed objects print them.
    Fields f(out);
    f.key("attempts") += std::to_string(r.attempts);
    append_strings(f.key("authors"), r.authors);
    append_object(f.key("catalogue"), r.catalogue);
    append_string(f.key("code"), r.code);
    append_string(f.key("corpus_record"), r.corpus_record);
    append_string(f.key("date"), r.date);
    append_string(f.key("duplicate_of"), r.duplicate_of);
    append_string(f.key("finished_at"), r.finished_at);
    f.key("id") += std::to_string(r.id);
    append_string(f.key("identifier"), r.identifier);
    append_string(f.key("input"), r.input_path);
    append_string(f.key("key"), r.key);
    append_string(f.key("language"), r.language);
    append_string(f.key("media_type"), r.media_type);
    append_string(f.key("method"), r.method);
    f.key("mtime_ns") += std::to_string(r.mtime_ns);
    if (r.ocr_confidence)
        append_number(f.key("ocr_confidence"), *r.ocr_confidence);
    else
        f.key("ocr_confidence") += "null";
    append_strings(f.key("outputs"), r.outputs);
    f.key("pages") += std::to_string(r.pages);
    append_string(f.key("reason"), r.reason);
    append_number(f.key("seconds"), r.seconds);
    append_string(f.key("sha256"), r.sha256);
    f.key("size") += std::to_string(r.size);
    append_string(f.key("stage"), r.stage);
    append_string(f.key("status"), status_name(r.status));
    append_object(f.key("timings"), r.timings);
    append_string(f.key("title"), r.title);
    f.key("warning_count") += std::to_string(r.warning_count);
    append_strings(f.key("warnings"), r.warnings);
}

} // namespace colophon::state
