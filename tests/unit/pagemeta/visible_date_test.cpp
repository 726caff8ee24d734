// Dates a page shows under its heading without marking them up.

#include "pagemeta/visible_date.h"

#include "heading_page.h"

#include <gtest/gtest.h>

namespace colophon::pagemeta {
namespace {

std::string date_after_h1(const std::string &body, const std::string &language = "en")
{
    const test::HeadingPage page(body);
    xmlNode *root = page.root;
    xmlNode *h1 = page.h1;
    const auto d = find_date_after_heading(h1, root, language);
    return d ? d->iso : "none";
}

TEST(VisibleDate, ShortLineUnderTheHeadingIsTheDate)
{
    EXPECT_EQ(
        date_after_h1(
            "<h1>Bridge repairs</h1><div><span>By Ann Lee</span> - Mar 27, 2024</div><p>Text.</p>"),
        "2024-03-27");
}

TEST(VisibleDate, PublishedDateWinsOverUpdatedOne)
{
    EXPECT_EQ(
        date_after_h1(
            "<h1>Bridge repairs</h1><p>Updated: December 9, 2025</p><p>Published 3 May 2024</p>"),
        "2024-05-03");
    EXPECT_EQ(date_after_h1("<h1>Bridge repairs</h1><p>Last updated: December 9, 2025</p>"),
              "2025-12-09");
}

TEST(VisibleDate, DatesInRunningTextOrOnlyToTheMonthAreNotTheDate)
{
    EXPECT_EQ(date_after_h1("<h1>Bridge repairs</h1><p>On March 27, 2024 the volunteers met at the "
                            "sawmill and agreed "
                            "on the plan for the footbridge.</p>"),
              "none");
    EXPECT_EQ(date_after_h1("<h1>Bridge repairs</h1><p>March 2024</p>"), "none");
}

TEST(VisibleDate, DateAboveTheHeadlineIsTheDateWhenNoneFollows)
{
    EXPECT_EQ(
        date_after_h1(
            "<div><span>Dec 18, 2025</span> <span>Releases</span></div><h1>Bridge repairs</h1>"
            "<p>The volunteers repaired the footbridge over two weekends.</p>"),
        "2025-12-18");
}

} // namespace
} // namespace colophon::pagemeta
