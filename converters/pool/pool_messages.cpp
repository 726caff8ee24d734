#include "pool/pool_messages.h"

#include <cstring>
#include <stdexcept>

namespace colophon::pool::wire {

Writer::Writer() : buf_(sizeof(std::uint32_t), '\0') {}

Writer& Writer::u8(std::uint8_t v)
{
    buf_.push_back(static_cast<char>(v));
    return *this;
}

Writer& Writer::i64(std::int64_t v)
{
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
}

Writer& Writer::f64(double v)
{
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
}

Writer& Writer::str(std::string_view s)
{
    const auto n = static_cast<std::uint32_t>(s.size());
    buf_.append(reinterpret_cast<const char*>(&n), sizeof n);
    buf_.append(s);
    return *this;
}

Writer& Writer::strings(const std::vector<std::string>& v)
{
    i64(static_cast<std::int64_t>(v.size()));
    for (const std::string& s : v)
        str(s);
    return *this;
}

const std::string& Writer::frame()
{
    const auto n = static_cast<std::uint32_t>(buf_.size() - sizeof(std::uint32_t));
    std::memcpy(buf_.data(), &n, sizeof n);
    return buf_;
}

std::string_view Reader::take(std::size_t n)
{
    if (rest_.size() < n)
        throw std::runtime_error("truncated worker message");
    const std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
}

std::uint8_t Reader::u8()
{
    return static_cast<std::uint8_t>(take(1)[0]);
}

std::int64_t Reader::i64()
{
    std::int64_t v = 0;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
}

double Reader::f64()
{
    double v = 0;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
}

std::string Reader::str()
{
    std::uint32_t n = 0;
    std::memcpy(&n, take(sizeof n).data(), sizeof n);
    return std::string(take(n));
}

std::vector<std::string> Reader::strings()
{
    const std::int64_t n = i64();
    if (n < 0 || static_cast<std::size_t>(n) > rest_.size())
        throw std::runtime_error("corrupt worker message");
    std::vector<std::string> v;
    v.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        v.push_back(str());
    return v;
}

std::vector<std::string> take_frames(std::string& buffer)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (buffer.size() - pos >= sizeof(std::uint32_t)) {
        std::uint32_t len = 0;
        std::memcpy(&len, buffer.data() + pos, sizeof len);
        if (buffer.size() - pos - sizeof len < len)
            break;
        out.emplace_back(buffer, pos + sizeof len, len);
        pos += sizeof len + len;
    }
    buffer.erase(0, pos);
    return out;
}

void put(Writer& w, const DocumentJob& j)
{
    w.str(j.key).str(j.input_path).str(j.output_stem).str(j.identifier).str(j.catalogue).str(j.previous_sha256);
}

DocumentJob get_job(Reader& r)
{
    DocumentJob j;
    j.key = r.str();
    j.input_path = r.str();
    j.output_stem = r.str();
    j.identifier = r.str();
    j.catalogue = r.str();
    j.previous_sha256 = r.str();
    return j;
}

void put(Writer& w, const state::DocumentRecord& d)
{
    w.i64(d.id).str(d.key).str(d.input_path).str(d.identifier).str(d.catalogue).i64(d.size).i64(d.mtime_ns);
    w.str(d.sha256).str(d.media_type).u8(static_cast<std::uint8_t>(d.status)).str(d.stage).str(d.code);
    w.str(d.reason).str(d.duplicate_of).strings(d.outputs).strings(d.warnings).i64(d.warning_count).str(d.method);
    w.u8(d.ocr_confidence ? 1 : 0).f64(d.ocr_confidence.value_or(0)).i64(d.pages).str(d.title).strings(d.authors);
    w.str(d.date).str(d.language).str(d.corpus_record).i64(d.attempts).str(d.finished_at).f64(d.seconds);
    w.str(d.timings);
}

state::DocumentRecord get_record(Reader& r)
{
    state::DocumentRecord d;
    d.id = r.i64();
    d.key = r.str();
    d.input_path = r.str();
    d.identifier = r.str();
    d.catalogue = r.str();
    d.size = r.i64();
    d.mtime_ns = r.i64();
    d.sha256 = r.str();
    d.media_type = r.str();
    const std::uint8_t status = r.u8();
    if (status > static_cast<std::uint8_t>(state::DocStatus::Duplicate))
        throw std::runtime_error("corrupt worker message (status)");
    d.status = static_cast<state::DocStatus>(status);
    d.stage = r.str();
    d.code = r.str();
    d.reason = r.str();
    d.duplicate_of = r.str();
    d.outputs = r.strings();
    d.warnings = r.strings();
    d.warning_count = static_cast<int>(r.i64());
    d.method = r.str();
    const bool has_confidence = r.u8() != 0;
    const double confidence = r.f64();
    if (has_confidence)
        d.ocr_confidence = confidence;
    d.pages = static_cast<int>(r.i64());
    d.title = r.str();
    d.authors = r.strings();
    d.date = r.str();
    d.language = r.str();
    d.corpus_record = r.str();
    d.attempts = static_cast<int>(r.i64());
    d.finished_at = r.str();
    d.seconds = r.f64();
    d.timings = r.str();
    return d;
}

std::string encode_jobs(const std::vector<const DocumentJob*>& jobs)
{
    Writer w;
    w.u8(static_cast<std::uint8_t>(Kind::Jobs)).i64(static_cast<std::int64_t>(jobs.size()));
    for (const DocumentJob* j : jobs)
        put(w, *j);
    return w.frame();
}

std::string encode_result(const Result& result)
{
    Writer w;
    w.u8(static_cast<std::uint8_t>(Kind::Result));
    put(w, result.record);
    w.f64(result.conversion_cpu).u8(result.unchanged ? 1 : 0);
    return w.frame();
}

Kind kind_of(Reader& r)
{
    const std::uint8_t k = r.u8();
    if (k != static_cast<std::uint8_t>(Kind::Jobs) && k != static_cast<std::uint8_t>(Kind::Result))
        throw std::runtime_error("unknown worker message");
    return static_cast<Kind>(k);
}

std::vector<DocumentJob> decode_jobs(Reader& r)
{
    const std::int64_t n = r.i64();
    if (n < 0)
        throw std::runtime_error("corrupt worker message (job count)");
    std::vector<DocumentJob> jobs;
    for (std::int64_t i = 0; i < n; ++i)
        jobs.push_back(get_job(r));
    return jobs;
}

Result decode_result(Reader& r)
{
    Result out;
    out.record = get_record(r);
    out.conversion_cpu = r.f64();
    out.unchanged = r.u8() != 0;
    return out;
}

} // namespace colophon::pool::wire
