#include "batch/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

using namespace colophon::batch;
using namespace colophon::state;

namespace {

using Clock = Progress::Clock;

// A clock the test moves by hand.
struct FakeClock
{
    Clock::time_point now = Clock::time_point{} + std::chrono::hours(1);
    void advance(double seconds) { now += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)); }
    Progress::TimeSource source()
    {
        return [this] { return now; };
    }
};

DocumentRecord record(DocStatus status, const std::string& method = "html", int pages = 1, double seconds = 0.01)
{
    DocumentRecord r;
    r.key = "doc";
    r.status = status;
    r.method = method;
    r.pages = pages;
    r.seconds = seconds;
    return r;
}

std::string read_all(std::FILE* f)
{
    std::fflush(f);
    std::rewind(f);
    std::string s;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        s.append(buf, n);
    return s;
}

} // namespace

// An OCR'd page costs as much as the run has measured, not as much as an HTML page.
TEST(WorkMeter, LearnsTheWeightOfAnOcrPage)
{
    WorkMeter m;
    EXPECT_EQ(m.ocr_page_weight(), WorkMeter::prior_ocr_page_weight);
    m.add(record(DocStatus::Ok, "html", 1, 0.01));
    m.add(record(DocStatus::Ok, "html", 1, 0.01));
    m.add(record(DocStatus::Ok, "ocr", 10, 30.0)); // 3 s a page against 0.01 s
    EXPECT_NEAR(m.ocr_page_weight(), 300.0, 1e-6);
    EXPECT_NEAR(m.units(), 2 + 10 * 300.0, 1e-6);
    EXPECT_EQ(m.pages(), 12);
}

// The bug this replaces: ten quick HTML pages, then a scan in OCR for a minute; the ETA said
// "a few seconds" the whole time. It may not be shorter than the time nothing has finished.
TEST(Progress, EtaGrowsWhileAnOcrDocumentRuns)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(11, 0, ProgressMode::Quiet, sink, clock.source());
    for (int i = 0; i < 10; ++i) {
        clock.advance(0.1);
        p.document_done(record(DocStatus::Ok));
    }
    clock.advance(30);
    EXPECT_GE(p.eta_seconds(), 29.9);
    clock.advance(31);
    EXPECT_GE(p.eta_seconds(), 60);
    std::fclose(sink);
}

// With OCR'd documents measured, the rest is estimated in weighted pages at the recent rate.
TEST(Progress, EtaCountsOcrPagesAsTheRunMeasuredThem)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(20, 0, ProgressMode::Quiet, sink, clock.source());
    // alternate: an HTML page (0.01 s) and a 10-page scan (30 s), on one worker
    for (int i = 0; i < 10; ++i) {
        clock.advance(i % 2 == 0 ? 0.01 : 30);
        p.document_done(i % 2 == 0 ? record(DocStatus::Ok) : record(DocStatus::Ok, "ocr", 10, 30));
    }
    // 10 left of the same mix: about 5 x 30 s
    const double eta = p.eta_seconds();
    EXPECT_GT(eta, 100) << eta;
    EXPECT_LT(eta, 200) << eta;
    std::fclose(sink);
}

// Counted as the summary counts them: an unsupported file is not a failure.
TEST(Progress, CountsMatchTheSummary)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(10, 2, ProgressMode::Quiet, sink, clock.source());
    p.document_done(record(DocStatus::Failed));
    p.document_done(record(DocStatus::Unsupported));
    p.document_done(record(DocStatus::Warnings));
    p.document_done(record(DocStatus::Duplicate));
    EXPECT_EQ(p.done(), 6);
    EXPECT_EQ(p.failed(), 1);
    EXPECT_EQ(p.unsupported(), 1);
    const std::string line = p.bar_line(200);
    EXPECT_NE(line.find("6/10"), std::string::npos) << line;
    EXPECT_NE(line.find("failed 1"), std::string::npos) << line;
    EXPECT_NE(line.find("unsupported 1"), std::string::npos) << line;
    EXPECT_NE(line.find("warnings 1"), std::string::npos) << line;
    EXPECT_NE(line.find("duplicates 1"), std::string::npos) << line;
    const std::string out = read_all(sink);
    EXPECT_NE(out.find("ERROR: doc"), std::string::npos) << out;
    EXPECT_NE(out.find("UNSUPPORTED: doc"), std::string::npos) << out;
    std::fclose(sink);
}

TEST(Progress, BarFitsTheTerminal)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(1000, 0, ProgressMode::Quiet, sink, clock.source());
    p.document_done(record(DocStatus::Failed));
    for (const int columns : {120, 79, 50, 30, 10})
        EXPECT_LE(static_cast<int>(p.bar_line(columns).size()), columns) << columns;
    EXPECT_EQ(p.bar_line(120).rfind("[", 0), 0u) << "room for the graphic";
    EXPECT_EQ(p.bar_line(50).find('['), std::string::npos) << "no room for the graphic";
    std::fclose(sink);
}

// In a narrow terminal the bar is not redrawn in place (a wrapped line leaves stale copies):
// one line per change of the counts, none for the ETA alone.
TEST(Progress, NarrowTerminalPrintsALinePerStateChange)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(3, 0, ProgressMode::Bar, sink, clock.source());
    p.set_columns(30);
    clock.advance(1);
    p.document_done(record(DocStatus::Ok));
    for (int i = 0; i < 5; ++i) {
        clock.advance(1);
        p.tick();
    }
    clock.advance(1);
    p.document_done(record(DocStatus::Failed));
    p.finish();
    const std::string out = read_all(sink);
    EXPECT_EQ(out.find('\r'), std::string::npos) << out;
    std::size_t lines = 0;
    for (const char c : out)
        lines += c == '\n';
    EXPECT_EQ(lines, 3u) << out; // 1/3, the failure, 2/3
    std::fclose(sink);
}

TEST(Progress, VerboseLinesGiveMethodPagesAndStageTimings)
{
    std::FILE* sink = std::tmpfile();
    FakeClock clock;
    Progress p(1, 0, ProgressMode::Verbose, sink, clock.source());
    DocumentRecord r = record(DocStatus::Ok, "pdf-text", 4, 0.25);
    r.key = "report.pdf";
    r.timings = R"({"convert":0.2,"read":0.01})";
    p.document_done(r);
    p.finish();
    const std::string out = read_all(sink);
    EXPECT_NE(out.find("[1/1] ok report.pdf {pdf-text, 4 pages, 0.250 s, convert 0.200, read 0.010}"),
              std::string::npos)
        << out;
    std::fclose(sink);
}
