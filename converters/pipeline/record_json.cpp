#include "pipeline/record_json.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace colophon::pipeline {

namespace {

constexpr auto replace_invalid = nlohmann::json::error_handler_t::replace;

bool valid_utf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size())
            return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        const bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

void append_string(std::string& out, std::string_view s)
{
    if (!valid_utf8(s)) {
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, replace_invalid); // its replacement rules
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
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
    // Written by strings_to_json (or nlohmann): without a backslash nothing is escaped, so the
    // strings are the bytes between their quotes.
    std::vector<std::string> out;
    bool plain = text.size() >= 2 && text.front() == '[' && text.back() == ']' &&
                 text.find('\\') == std::string_view::npos;
    std::size_t i = 1;
    while (plain && i < text.size() - 1) {
        if (!out.empty()) {
            if (text[i] != ',') {
                plain = false;
                break;
            }
            ++i;
        }
        const std::size_t close = text[i] == '"' ? text.find('"', i + 1) : std::string_view::npos;
        if (close == std::string_view::npos || close >= text.size() - 1) {
            plain = false;
            break;
        }
        out.emplace_back(text.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    if (plain)
        return out;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array())
        return {};
    out.clear();
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

} // namespace colophon::pipeline
