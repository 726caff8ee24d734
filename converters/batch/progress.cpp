#include "batch/progress.h"

#include "core/gcc_workarounds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace colophon::batch {

namespace {

// Below this width the short bar ("12/40 ETA 01:02 failed 1") does not fit either: a line is
// printed per change of the counts instead of a bar redrawn in place.
constexpr int min_bar_columns = 40;
// Widths of the bar's three forms: with the #### graphic and every count, without the graphic,
// and the short one.
constexpr int graphic_width = 20;

bool uses_ocr(const std::string& method)
{
    return method.find("ocr") != std::string::npos;
}

} // namespace

WorkMeter::Pages WorkMeter::pages_of(const state::DocumentRecord& r)
{
    const std::int64_t n = std::max(1, r.pages);
    return uses_ocr(r.method) ? Pages{0, n} : Pages{n, 0};
}

void WorkMeter::add(const state::DocumentRecord& r)
{
    ++documents_;
    const Pages p = pages_of(r);
    text_pages_ += p.text;
    ocr_pages_ += p.ocr;
    (p.ocr > 0 ? ocr_seconds_ : text_seconds_) += std::max(0.0, r.seconds);
}

double WorkMeter::ocr_page_weight() const
{
    if (text_pages_ == 0 || ocr_pages_ == 0 || text_seconds_ <= 0 || ocr_seconds_ <= 0)
        return prior_ocr_page_weight;
    const double per_text_page = text_seconds_ / static_cast<double>(text_pages_);
    const double per_ocr_page = ocr_seconds_ / static_cast<double>(ocr_pages_);
    return std::max(1.0, per_ocr_page / per_text_page);
}

Progress::Progress(std::int64_t total, std::int64_t already_done, ProgressMode mode, std::FILE* out, TimeSource now)
    : total_(total), done_(already_done), started_with_(already_done), mode_(mode), out_(out), now_(std::move(now))
{
    start_ = now_();
    last_done_ = start_;
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

double Progress::recent_rate() const
{
    const auto now = now_();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double window = std::min(rate_window_seconds, elapsed);
    if (window <= 0)
        return 0;
    double units = 0;
    for (const Completion& c : recent_)
        if (std::chrono::duration<double>(now - c.at).count() <= rate_window_seconds)
            units += work_.units(c.pages);
    return units / window;
}

double Progress::eta_seconds() const
{
    const std::int64_t remaining = total_ - done_;
    if (remaining <= 0)
        return 0;
    if (work_.documents() == 0)
        return -1;
    const double rate = recent_rate();
    const double stalled = std::chrono::duration<double>(now_() - last_done_).count();
    if (rate <= 0)
        return stalled; // nothing finished for a whole window: at least that long again
    const double mean_units = work_.units() / static_cast<double>(work_.documents());
    return std::max(static_cast<double>(remaining) * mean_units / rate, stalled);
}

std::string Progress::counts_text() const
{
    std::string s = "failed " + std::to_string(failed_);
    if (unsupported_ > 0)
        s += "  unsupported " + std::to_string(unsupported_);
    if (warned_ > 0)
        s += "  warnings " + std::to_string(warned_);
    if (duplicates_ > 0)
        s += "  duplicates " + std::to_string(duplicates_);
    return s;
}

std::string Progress::bar_line(int columns) const
{
    const std::string count = std::to_string(done_) + "/" + std::to_string(total_);
    const std::string eta = "ETA " + format_duration(eta_seconds());
    char rate[48];
    std::snprintf(rate, sizeof rate, "%.1f pages/s", recent_rate());
    const std::string counts = counts_text();

    const double fraction = total_ > 0 ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
    const int filled = std::clamp(static_cast<int>(fraction * graphic_width), 0, graphic_width);
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
    const std::string graphic = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                                std::string(static_cast<std::size_t>(graphic_width - filled), '.') + "] ";
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END

    // The widest form that fits: graphic and rate, then without the graphic, then the short one.
    const std::string full = graphic + count + "  " + rate + "  " + eta + "  " + counts;
    if (static_cast<int>(full.size()) <= columns)
        return full;
    const std::string medium = count + "  " + rate + "  " + eta + "  " + counts;
    if (static_cast<int>(medium.size()) <= columns)
        return medium;
    std::string shortest = count + " " + eta + " failed " + std::to_string(failed_ + unsupported_);
    if (static_cast<int>(shortest.size()) > columns)
        shortest.resize(static_cast<std::size_t>(std::max(columns, 0)));
    return shortest;
}

int Progress::columns() const
{
    if (columns_ > 0)
        return columns_;
    winsize ws{};
    if (::ioctl(::fileno(out_), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    if (const char* env = std::getenv("COLUMNS"); env && std::atoi(env) > 0)
        return std::atoi(env);
    return 80;
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
    const auto now = now_();
    if (!force && now - last_draw_ < std::chrono::milliseconds(150))
        return;
    last_draw_ = now;
    // One column short of the width: a line that fills the last column wraps on some terminals,
    // and "\r" then clears only the lower half.
    const int width = columns() - 1;
    if (width < min_bar_columns) {
        // Narrow: a new line only when the counts moved (the ETA alone does not count).
        const std::string line = bar_line(width);
        const std::string key = std::to_string(done_) + "/" + counts_text();
        if (key != last_narrow_line_) {
            std::fprintf(out_, "%s\n", line.c_str());
            std::fflush(out_);
            last_narrow_line_ = key;
        }
        return;
    }
    std::fprintf(out_, "\r\033[2K%s", bar_line(width).c_str());
    std::fflush(out_);
    bar_visible_ = true;
}

void Progress::flush_lines(bool force)
{
    if (lines_.empty())
        return;
    const auto now = now_();
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

std::string Progress::document_line(const state::DocumentRecord& r) const
{
    const bool failed = r.status == state::DocStatus::Failed || r.status == state::DocStatus::Unsupported;
    std::string detail;
    if (failed)
        detail = " (" + r.stage + ": " + r.reason + " [" + r.code + "])";
    else if (r.status == state::DocStatus::Duplicate)
        detail = " (same content as " + r.duplicate_of + ")";
    else if (r.warning_count > 0)
        detail = " (" + std::to_string(r.warning_count) + " warnings)";
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
    std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "] ";
    COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
    line += state::status_name(r.status);
    line += " " + r.key + detail;
    if (mode_ == ProgressMode::Verbose && !r.method.empty()) {
        // method, pages and the seconds of each stage, as the worker measured them
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.3f s", r.seconds);
        line += " {" + r.method + ", " + std::to_string(std::max(1, r.pages)) + " pages, " + secs;
        const nlohmann::json t = nlohmann::json::parse(r.timings.empty() ? "{}" : r.timings, nullptr, false);
        if (t.is_object())
            for (const auto& [stage, seconds] : t.items())
                if (seconds.is_number()) {
                    std::snprintf(secs, sizeof secs, "%.3f", seconds.get<double>());
                    line += ", " + stage + " " + secs;
                }
        line += "}";
    }
    return line + "\n";
}

void Progress::document_done(const state::DocumentRecord& r)
{
    ++done_;
    const bool unsupported = r.status == state::DocStatus::Unsupported;
    const bool failed = r.status == state::DocStatus::Failed;
    failed_ += failed;
    unsupported_ += unsupported;
    warned_ += r.status == state::DocStatus::Warnings;
    duplicates_ += r.status == state::DocStatus::Duplicate;
    const auto now = now_();
    last_done_ = now;
    if (r.status != state::DocStatus::Duplicate) {
        work_.add(r);
        recent_.push_back({now, WorkMeter::pages_of(r)});
        while (!recent_.empty() && std::chrono::duration<double>(now - recent_.front().at).count() > rate_window_seconds)
            recent_.pop_front();
    }
    switch (mode_) {
    case ProgressMode::Quiet:
        if (failed || unsupported)
            std::fprintf(out_, "%s: %s: %s: %s [%s]\n", failed ? "ERROR" : "UNSUPPORTED", r.key.c_str(),
                         r.stage.c_str(), r.reason.c_str(), r.code.c_str());
        return;
    case ProgressMode::Lines:
    case ProgressMode::Verbose:
        lines_ += document_line(r);
        flush_lines(false);
        return;
    default:
        if (failed || unsupported) {
            clear_bar();
            std::fprintf(out_, "%s: %s: %s: %s [%s]\n", failed ? "failed" : "unsupported", r.key.c_str(),
                         r.stage.c_str(), r.reason.c_str(), r.code.c_str());
        }
        draw(failed || unsupported);
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
        if (bar_visible_)
            std::fputc('\n', out_);
        bar_visible_ = false;
    }
    std::fflush(out_);
}

} // namespace colophon::batch
