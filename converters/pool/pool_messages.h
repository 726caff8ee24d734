#pragma once
// The messages between the batch and its workers, in a compact binary form: a frame is a 4-byte
// length and a body of fixed-order fields (integers and doubles in host order, strings as a
// length and bytes; both ends are this machine and this binary). Parsing a DocumentRecord from
// JSON was a measurable share of the parent's time per document.

#include "state/batch_record.h"
#include "pool/worker_pool.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::pool::wire {

// Appends fields to a frame; frame() returns it with its length in front.
class Writer
{
public:
    Writer();
    Writer& u8(std::uint8_t v);
    Writer& i64(std::int64_t v);
    Writer& f64(double v);
    Writer& str(std::string_view s);
    Writer& strings(const std::vector<std::string>& v);
    const std::string& frame(); // valid until the next write

private:
    std::string buf_;
};

// Reads the fields of one frame body; throws std::runtime_error when it runs out.
class Reader
{
public:
    explicit Reader(std::string_view body) : rest_(body) {}
    std::uint8_t u8();
    std::int64_t i64();
    double f64();
    std::string str();
    std::vector<std::string> strings();
    bool done() const { return rest_.empty(); }

private:
    std::string_view take(std::size_t n);
    std::string_view rest_;
};

// Takes the body of every complete frame off the front of `buffer`.
std::vector<std::string> take_frames(std::string& buffer);

enum class Kind : std::uint8_t
{
    Jobs = 1,   // parent -> worker: documents to convert, in order
    Result = 2, // worker -> parent: one document's outcome
};

void put(Writer& w, const DocumentJob& job);
DocumentJob get_job(Reader& r);

void put(Writer& w, const state::DocumentRecord& rec);
state::DocumentRecord get_record(Reader& r);

// What a worker reports for one document.
struct Result
{
    state::DocumentRecord record;
    double conversion_cpu = 0; // inside the document function, claims excluded
    bool unchanged = false;    // the claim found the bytes of the finished attempt
};

std::string encode_jobs(const std::vector<const DocumentJob*>& jobs);
std::string encode_result(const Result& result);
// A frame body of either kind: its kind, then the reader positioned after it.
Kind kind_of(Reader& r);
std::vector<DocumentJob> decode_jobs(Reader& r);
Result decode_result(Reader& r);

} // namespace colophon::pool::wire
