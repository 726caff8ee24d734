#pragma once
// Batch progress on standard error: a bar redrawn in place on a terminal (done/total, rate, ETA,
// failures), one plain line per document otherwise (logs, CI), or nothing but errors (--quiet).

#include "state/batch_record.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace colophon::batch {

enum class ProgressMode
{
    Auto,  // Bar when standard error is a terminal, else Lines
    Bar,
    Lines,
    Quiet
};

class Progress
{
public:
    Progress(std::int64_t total, std::int64_t already_done, ProgressMode mode, std::FILE* out = stderr);
    ~Progress() { flush_lines(true); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void document_done(const state::DocumentRecord& r);
    void note(const std::string& line); // printed above the bar
    void tick();                        // redraws the bar at most a few times a second
    void finish();

    std::int64_t done() const { return done_; }
    std::int64_t failed() const { return failed_; }

    // "12:03" / "1:02:03"
    static std::string format_duration(double seconds);
    // The bar line without terminal control codes (tested).
    std::string bar_line() const;

private:
    void draw(bool force);
    void clear_bar();
    void flush_lines(bool force);

    std::int64_t total_;
    std::int64_t done_;
    std::int64_t started_with_;
    std::int64_t failed_ = 0;
    std::int64_t warned_ = 0;
    ProgressMode mode_;
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_{};
    bool bar_visible_ = false;
    // Lines mode: per-document lines are written a few times a second, not one write each.
    std::string lines_;
    std::chrono::steady_clock::time_point last_flush_{};
};

} // namespace colophon::batch
