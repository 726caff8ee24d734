#include "poppler_messages.h"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <string_view>

namespace colophon::pdf {

namespace {

// Errors kept per call to take(); a damaged file can report thousands of the same kind.
constexpr std::size_t max_errors_kept = 20;

thread_local std::vector<std::string>* current_errors = nullptr;

void keep(std::vector<std::string>& errors, std::string text)
{
    if (errors.size() < max_errors_kept && std::find(errors.begin(), errors.end(), text) == errors.end())
        errors.push_back(std::move(text));
}

void on_poppler_error(ErrorCategory category, Goffset pos, const char* msg)
{
    if (current_errors == nullptr || msg == nullptr)
        return;
    const char* kind = nullptr;
    switch (category) {
    case errSyntaxError: kind = "syntax error"; break;
    case errIO: kind = "I/O error"; break;
    case errUnimplemented: kind = "unsupported feature"; break;
    case errInternal: kind = "internal error"; break;
    default: return; // warnings, configuration, permissions: the output is not affected
    }
    keep(*current_errors, std::string(kind) + (pos >= 0 ? " at byte " + std::to_string(pos) : "") + ": " + msg);
}

// Poppler's allocator writes its messages with fputs(..., stderr), reading the C `stderr`
// variable at the call. While a PopplerMessages lives, that variable points at a stream that
// keeps Poppler's lines and passes every other line straight on (the CLI's watchdog writes its
// timeout there just before it exits); C++ streams and raw writes to file descriptor 2
// (sanitizers, crash handlers) are not touched. One scope at a time swaps it.
constexpr std::string_view poppler_lines[] = {"Out of memory", "Bogus memory allocation size", "Syntax Error",
                                              "Internal Error", "I/O Error", "Unimplemented"};

std::mutex captured_mutex;
std::string captured; // Poppler's lines
std::string pending;  // a line not finished yet
bool swapped = false;
FILE* original_stderr = nullptr;

bool may_be_poppler_line(std::string_view line)
{
    for (const std::string_view p : poppler_lines)
        if (line.substr(0, p.size()) == p.substr(0, line.size()))
            return true;
    return false;
}

ssize_t capture_write(void*, const char* buf, size_t size)
{
    const std::lock_guard<std::mutex> lock(captured_mutex);
    pending.append(buf, size);
    std::size_t start = 0;
    for (std::size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n', start)) {
        const std::string_view line(pending.data() + start, nl + 1 - start);
        if (may_be_poppler_line(line))
            captured.append(line);
        else
            std::fwrite(line.data(), 1, line.size(), original_stderr);
        start = nl + 1;
    }
    pending.erase(0, start);
    if (!pending.empty() && !may_be_poppler_line(pending)) {
        std::fwrite(pending.data(), 1, pending.size(), original_stderr);
        pending.clear();
    }
    return static_cast<ssize_t>(size);
}

// Lines the libraries wrote since the last call.
std::string take_captured()
{
    const std::lock_guard<std::mutex> lock(captured_mutex);
    std::string out;
    out.swap(captured);
    return out;
}

} // namespace

ErrorCallback poppler_error_callback() { return on_poppler_error; }

void PopplerMessages::listen() { setErrorCallback(on_poppler_error); }

PopplerMessages::PopplerMessages()
{
    listen();
    current_errors = &errors_;
    const std::lock_guard<std::mutex> lock(captured_mutex);
    if (swapped)
        return;
    // One stream for the process, never closed: another thread may still hold the pointer it
    // read from `stderr` when the scope ends.
    static FILE* const capture = [] {
        cookie_io_functions_t io{};
        io.write = capture_write;
        FILE* f = fopencookie(nullptr, "w", io);
        if (f != nullptr)
            setvbuf(f, nullptr, _IONBF, 0);
        return f;
    }();
    if (capture == nullptr)
        return;
    std::fflush(stderr);
    original_stderr = stderr;
    stderr = capture;
    swapped = capturing_stderr_ = true;
}

PopplerMessages::~PopplerMessages()
{
    if (current_errors == &errors_)
        current_errors = nullptr;
    if (!capturing_stderr_)
        return;
    const std::lock_guard<std::mutex> lock(captured_mutex);
    stderr = original_stderr;
    swapped = false;
    std::fputs(pending.c_str(), stderr);
    pending.clear();
    captured.clear(); // reported by take(), or, written after the last one, about no page
}

std::vector<std::string> PopplerMessages::take()
{
    listen();
    if (capturing_stderr_) {
        const std::string text = take_captured();
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string line = text.substr(start, end - start);
            start = end + 1;
            if (!line.empty())
                keep(errors_, std::move(line));
        }
    }
    std::vector<std::string> out;
    out.swap(errors_);
    return out;
}

} // namespace colophon::pdf
