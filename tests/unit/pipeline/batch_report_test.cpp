#include "pipeline/batch_report.h"
#include "pipeline/progress.h"

#include <gtest/gtest.h>

using namespace colophon::pipeline;

TEST(BatchReport, EscapesHtmlAndCsv)
{
    EXPECT_EQ(html_escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
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
