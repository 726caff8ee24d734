#include "batch/batch_report.h"
#include "batch/gzip_member.h"
#include "batch/progress.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace colophon::batch;
using namespace colophon::state;

TEST(BatchReport, EscapesCsv)
{
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\"\nnow"), "\"say \"\"hi\"\"\nnow\"");
}

TEST(BatchReport, ExitCodeSaysWhetherEverythingSucceeded)
{
    BatchCounts c;
    c.by_status[static_cast<std::size_t>(DocStatus::Ok)] = 3;
    EXPECT_EQ(batch_exit_code(c), 0);
    c.by_status[static_cast<std::size_t>(DocStatus::Warnings)] = 1;
    EXPECT_EQ(batch_exit_code(c), 3);
    c.by_status[static_cast<std::size_t>(DocStatus::Unsupported)] = 1;
    EXPECT_EQ(batch_exit_code(c), 1);
}

TEST(Progress, BarShowsCountsRateAndFailures)
{
    std::FILE* sink = std::tmpfile();
    Progress p(10, 2, ProgressMode::Quiet, sink);
    DocumentRecord failed;
    failed.status = DocStatus::Failed;
    p.document_done(failed);
    const std::string line = p.bar_line();
    EXPECT_NE(line.find("3/10"), std::string::npos) << line;
    EXPECT_NE(line.find("failed 1"), std::string::npos) << line;
    EXPECT_NE(line.find("ETA"), std::string::npos) << line;
    EXPECT_EQ(Progress::format_duration(3725), "1:02:05");
    EXPECT_EQ(Progress::format_duration(65), "01:05");
    std::fclose(sink);
}

namespace {

std::size_t count_of(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1))
        ++n;
    return n;
}

} // namespace

// A catalogue of 100,000 documents cannot be one HTML table: the page shows the problems first,
// up to a limit, and says where the full list is; JSON and CSV keep every document.
TEST(BatchReport, HtmlPageIsCappedWithProblemsFirst)
{
    const auto dir = std::filesystem::temp_directory_path() / ("colophon-report-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        StateDb db(dir / state_file_name);
        std::vector<PlannedDocument> planned;
        for (int i = 0; i < 10; ++i)
            planned.push_back({"doc" + std::to_string(i), "/in/doc" + std::to_string(i), "d", "", 1, 1});
        db.plan(planned);
        for (int i = 0; i < 10; ++i) {
            DocumentRecord r;
            r.key = "doc" + std::to_string(i);
            r.status = i == 8 ? DocStatus::Failed : i == 3 ? DocStatus::Warnings : DocStatus::Ok;
            r.reason = i == 8 ? "broken" : "";
            db.record(r);
        }
        ReportInfo info;
        info.html_row_limit = 4;
        write_reports(db, dir, info);
    }
    std::ifstream in(dir / "report.html");
    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(count_of(html, "<tr class=\"doc "), 4u);
    EXPECT_NE(html.find("id=\"partial\""), std::string::npos);
    EXPECT_NE(html.find("href=\"report.csv\""), std::string::npos);
    const auto failed = html.find("<tr class=\"doc failed\"");
    const auto warned = html.find("<tr class=\"doc warnings\"");
    const auto ok = html.find("<tr class=\"doc ok\"");
    ASSERT_NE(failed, std::string::npos);
    ASSERT_NE(warned, std::string::npos);
    EXPECT_LT(failed, warned);
    EXPECT_LT(warned, ok);
    // Then the first successes in key order, numbered after the problems: rows 3 and 4.
    const auto doc0 = html.find("id=\"doc-3\"><td class=\"num\">3</td><td class=\"key\">doc0<");
    const auto doc1 = html.find("id=\"doc-4\"><td class=\"num\">4</td><td class=\"key\">doc1<");
    EXPECT_NE(doc0, std::string::npos) << html;
    EXPECT_NE(doc1, std::string::npos);
    EXPECT_LT(doc0, doc1);
    EXPECT_EQ(html.find(">doc2<"), std::string::npos);
    EXPECT_NE(html.find("id=\"doc-1\"><td class=\"num\">1</td><td class=\"key\">doc8<"), std::string::npos);
    EXPECT_NE(html.find("data-count=\"total\"><b>10</b>"), std::string::npos);
    std::ifstream csv_in(dir / "report.csv");
    const std::string csv((std::istreambuf_iterator<char>(csv_in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(count_of(csv, "\n"), 11u);
    std::filesystem::remove_all(dir);
}

// The corpus is per-document gzip members joined: one valid gzip stream to readers.
TEST(BatchReport, GzipMembersJoinIntoOneStream)
{
    const std::string joined = gzip_member("first line\n") + gzip_member("second line\n");
    const auto path = std::filesystem::temp_directory_path() / ("colophon-gz-" + std::to_string(::getpid()) + ".gz");
    {
        std::ofstream out(path, std::ios::binary);
        out << joined;
    }
    gzFile gz = gzopen(path.c_str(), "rb");
    ASSERT_TRUE(gz);
    char buf[256];
    const int n = gzread(gz, buf, sizeof buf);
    gzclose(gz);
    std::filesystem::remove(path);
    ASSERT_GT(n, 0);
    EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)), "first line\nsecond line\n");
}
