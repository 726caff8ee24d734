#pragma once
// Batch progress on standard error: a bar redrawn in place on a terminal, one plain line per
// document otherwise (logs, CI), a line per document with its method, pages and stage timings
// (--verbose), or nothing but failures (--quiet).
//
// What it shows is what the summary will say: ok, warnings, failed, unsupported and duplicates
// are counted apart, and "done" includes the documents finished in earlier runs.
//
// The ETA counts work in pages, not documents: a document weighs its pages (at least one), and a
// page of a document that went through OCR weighs as much as `ocr_page_weight` text pages, a
// ratio learned from this run's own timings. With the weights right, weighted pages per second
// stay steady whatever the mix of HTML, PDF and scans, so the rate of the last minute predicts
// the rest: ETA = remaining documents x this run's mean weight / recent weighted rate. Nothing
// tells the parent how long a document still in a worker will take, so the ETA is never shorter
// than the time since the last document finished: a minute of OCR shows as a minute, not as
// "a few seconds".
//
// A bar that does not fit the terminal is shortened; in a terminal too narrow for even the short
// form, a line is printed only when the counts change (never redrawn, so no stale lines pile up).

#include "state/batch_record.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <string>

namespace colophon::batch {

enum class ProgressMode
{
    Auto,    // Bar when standard error is a terminal, else Lines
    Bar,
    Lines,
    Verbose, // Lines with each document's method, pages and stage timings
    Quiet
};

// How much conversion work finished documents stood for, in weighted pages.
class WorkMeter
{
public:
    // Seconds per OCR'd page over seconds per text page before this run has measured both:
    // Tesseract takes about 3.5 s a page at 300 dpi, the text layer of a born-digital page about
    // 0.03 s (README "Measured": bench-ocr.sh, bench-pdf-long.sh).
    // Per document, a 9 KB HTML page takes 2.3-2.8 ms and a born-digital PDF page a few ms, so
    // about 300 text pages cost one OCR'd page.
    static constexpr double prior_ocr_page_weight = 300;

    // A document's pages: {text pages, OCR'd pages}; at least one page.
    struct Pages
    {
        std::int64_t text = 0;
        std::int64_t ocr = 0;
    };
    static Pages pages_of(const state::DocumentRecord& r);

    void add(const state::DocumentRecord& r);
    double ocr_page_weight() const;
    double units(Pages p) const { return static_cast<double>(p.text) + ocr_page_weight() * static_cast<double>(p.ocr); }
    // Weighted pages of the documents added so far.
    double units() const { return units({text_pages_, ocr_pages_}); }
    std::int64_t documents() const { return documents_; }
    std::int64_t pages() const { return text_pages_ + ocr_pages_; }

private:
    std::int64_t documents_ = 0;
    std::int64_t text_pages_ = 0; // a page without OCR (an HTML page is one)
    std::int64_t ocr_pages_ = 0;
    double text_seconds_ = 0;
    double ocr_seconds_ = 0;
};

class Progress
{
public:
    using Clock = std::chrono::steady_clock;
    using TimeSource = std::function<Clock::time_point()>;

    Progress(std::int64_t total, std::int64_t already_done, ProgressMode mode, std::FILE* out = stderr,
             TimeSource now = Clock::now);
    ~Progress() { flush_lines(true); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void document_done(const state::DocumentRecord& r);
    void note(const std::string& line); // printed above the bar
    void tick();                        // redraws the bar at most a few times a second
    void finish();

    std::int64_t done() const { return done_; }
    std::int64_t failed() const { return failed_; }
    std::int64_t unsupported() const { return unsupported_; }

    // The rate is measured over the completions of the last minute: long enough to hold several
    // OCR'd documents on two workers, short enough to follow a change of mix.
    static constexpr double rate_window_seconds = 60;

    // Seconds left, or a negative number while nothing is known yet.
    double eta_seconds() const;
    // Weighted pages per second over the last rate_window_seconds.
    double recent_rate() const;

    // "12:03" / "1:02:03"
    static std::string format_duration(double seconds);
    // The bar line without terminal control codes, at most `columns` wide (tested).
    std::string bar_line(int columns = 100) const;
    // Terminal width used for the bar; 0 asks the terminal (tests set it).
    void set_columns(int columns) { columns_ = columns; }

private:
    int columns() const;
    void draw(bool force);
    void clear_bar();
    void flush_lines(bool force);
    std::string document_line(const state::DocumentRecord& r) const;
    std::string counts_text() const;

    std::int64_t total_;
    std::int64_t done_;
    std::int64_t started_with_;
    std::int64_t failed_ = 0;
    std::int64_t unsupported_ = 0;
    std::int64_t warned_ = 0;
    std::int64_t duplicates_ = 0;
    WorkMeter work_;
    // Completions of the last `rate_window` seconds, for the recent weighted rate.
    struct Completion
    {
        Clock::time_point at;
        WorkMeter::Pages pages;
    };
    std::deque<Completion> recent_;
    ProgressMode mode_;
    std::FILE* out_;
    TimeSource now_;
    Clock::time_point start_;
    Clock::time_point last_done_;
    Clock::time_point last_draw_{};
    bool bar_visible_ = false;
    int columns_ = 0;
    std::string last_narrow_line_; // narrow terminals: the counts last printed
    // Lines mode: per-document lines are written a few times a second, not one write each.
    std::string lines_;
    Clock::time_point last_flush_{};
};

} // namespace colophon::batch
