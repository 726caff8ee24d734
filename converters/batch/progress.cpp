#include "batch/progress.h"

#include <unistd.h>

namespace colophon::batch {

using Clock = std::chrono::steady_clock;

Progress::Progress(std::int64_t total, std::int64_t already_done, ProgressMode mode, std::FILE* out)
    : total_(total), done_(already_done), started_with_(already_done), mode_(mode), out_(out), start_(Clock::now())
{
    if (mode_ == ProgressMode::Auto)
        mode_ = ::isatty(::fileno(out_)) ? ProgressMode::Bar : ProgressMode::Lines;
}

std::string Progress::format_duration(double seconds)
{
    if (seconds < 0 || seconds > 1e8)
        return "--:--";
    const auto s = static_cast<long long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", s / 60, s % 60);
    return buf;
}

std::string Progress::bar_line() const
{
    constexpr int width = 28;
    const double fraction = total_ > 0 ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
    const int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(width - filled), '.');
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    const auto this_run = done_ - started_with_;
    const double rate = elapsed > 0 ? static_cast<double>(this_run) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done_) / rate : -1;
    char buf[256];
    std::snprintf(buf, sizeof buf, "[%s] %lld/%lld  %.1f docs/s  ETA %s  failed %lld", bar.c_str(),
                  static_cast<long long>(done_), static_cast<long long>(total_), rate, format_duration(eta).c_str(),
                  static_cast<long long>(failed_));
    return buf;
}

void Progress::clear_bar()
{
    if (bar_visible_) {
        std::fputs("\r\033[2K", out_);
        bar_visible_ = false;
    }
}

void Progress::draw(bool force)
{
    if (mode_ != ProgressMode::Bar)
        return;
    const auto now = Clock::now();
    if (!force && now - last_draw_ < std::chrono::milliseconds(150))
        return;
    last_draw_ = now;
    std::fprintf(out_, "\r\033[2K%s", bar_line().c_str());
    std::fflush(out_);
    bar_visible_ = true;
}

void Progress::flush_lines(bool force)
{
    if (lines_.empty())
        return;
    const auto now = Clock::now();
    if (!force && lines_.size() < 16384 && now - last_flush_ < std::chrono::milliseconds(250))
        return;
    std::fwrite(lines_.data(), 1, lines_.size(), out_);
    std::fflush(out_);
    lines_.clear();
    last_flush_ = now;
}

void Progress::note(const std::string& line)
{
    if (mode_ == ProgressMode::Quiet)
        return;
    flush_lines(true);
    clear_bar();
    std::fprintf(out_, "%s\n", line.c_str());
    draw(true);
}

void Progress::document_done(const state::DocumentRecord& r)
{
    ++done_;
    const bool failed = r.status == state::DocStatus::Failed || r.status == state::DocStatus::Unsupported;
    failed_ += failed;
    warned_ += r.status == state::DocStatus::Warnings;
    switch (mode_) {
    case ProgressMode::Quiet:
        if (failed)
            std::fprintf(out_, "ERROR: %s: %s: %s [%s]\n", r.key.c_str(), r.stage.c_str(), r.reason.c_str(), r.code.c_str());
        return;
    case ProgressMode::Lines: {
        std::string detail;
        if (failed)
            detail = " (" + r.stage + ": " + r.reason + " [" + r.code + "])";
        else if (r.status == state::DocStatus::Duplicate)
            detail = " (same content as " + r.duplicate_of + ")";
        else if (r.warning_count > 0)
            detail = " (" + std::to_string(r.warning_count) + " warnings)";
        lines_ += "[" + std::to_string(done_) + "/" + std::to_string(total_) + "] ";
        lines_ += state::status_name(r.status);
        lines_ += " " + r.key + detail + "\n";
        flush_lines(false);
        return;
    }
    default:
        if (failed) {
            clear_bar();
            std::fprintf(out_, "failed: %s: %s: %s [%s]\n", r.key.c_str(), r.stage.c_str(), r.reason.c_str(),
                         r.code.c_str());
        }
        draw(failed);
    }
}

void Progress::tick()
{
    flush_lines(false);
    draw(false);
}

void Progress::finish()
{
    flush_lines(true);
    if (mode_ == ProgressMode::Bar) {
        draw(true);
        std::fputc('\n', out_);
        bar_visible_ = false;
    }
    std::fflush(out_);
}

} // namespace colophon::batch
