#include "poppler_messages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace colophon::pdf {

namespace {

// Errors kept per call to take(); a damaged file can report thousands of the same kind.
constexpr std::size_t max_errors_kept = 20;

thread_local std::vector<std::string>* current_errors = nullptr;

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
    std::string text = std::string(kind) + (pos >= 0 ? " at byte " + std::to_string(pos) : "") + ": " + msg;
    if (current_errors->size() < max_errors_kept &&
        std::find(current_errors->begin(), current_errors->end(), text) == current_errors->end())
        current_errors->push_back(std::move(text));
}

// One scope at a time redirects standard error (it belongs to the process). Under a sanitizer
// it stays where it is: a crash report written into the capture would be lost with the process.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define COLOPHON_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(COLOPHON_SANITIZED)
std::atomic<bool> stderr_taken{true};
#else
std::atomic<bool> stderr_taken{false};
#endif

} // namespace

ErrorCallback poppler_error_callback() { return on_poppler_error; }

void PopplerMessages::listen() { setErrorCallback(on_poppler_error); }

PopplerMessages::PopplerMessages()
{
    listen();
    current_errors = &errors_;
    if (!stderr_taken.exchange(true)) {
        std::fflush(stderr);
        capture_fd_ = memfd_create("colophon-poppler-stderr", MFD_CLOEXEC);
        saved_stderr_ = capture_fd_ >= 0 ? dup(STDERR_FILENO) : -1;
        if (saved_stderr_ >= 0 && dup2(capture_fd_, STDERR_FILENO) >= 0) {
            capturing_stderr_ = true;
        } else {
            if (saved_stderr_ >= 0)
                close(saved_stderr_);
            if (capture_fd_ >= 0)
                close(capture_fd_);
            saved_stderr_ = capture_fd_ = -1;
            stderr_taken = false;
        }
    }
}

PopplerMessages::~PopplerMessages()
{
    if (current_errors == &errors_)
        current_errors = nullptr;
    if (capturing_stderr_) {
        std::fflush(stderr);
        dup2(saved_stderr_, STDERR_FILENO);
        close(saved_stderr_);
        close(capture_fd_);
        stderr_taken = false;
    }
}

std::vector<std::string> PopplerMessages::take()
{
    listen();
    if (capturing_stderr_) {
        std::fflush(stderr);
        char buf[4096];
        std::string text;
        for (;;) {
            const ssize_t n = pread(capture_fd_, buf, sizeof buf, static_cast<off_t>(read_offset_));
            if (n <= 0)
                break;
            read_offset_ += n;
            text.append(buf, static_cast<std::size_t>(n));
        }
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string line = text.substr(start, end - start);
            start = end + 1;
            if (!line.empty() && errors_.size() < max_errors_kept &&
                std::find(errors_.begin(), errors_.end(), line) == errors_.end())
                errors_.push_back(std::move(line));
        }
    }
    std::vector<std::string> out;
    out.swap(errors_);
    return out;
}

} // namespace colophon::pdf
