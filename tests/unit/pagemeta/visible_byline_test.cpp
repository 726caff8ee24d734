// Bylines a page shows under its heading without marking them up.

#include "pagemeta/visible_byline.h"

#include "heading_page.h"

#include <gtest/gtest.h>

namespace colophon::pagemeta {
namespace {

std::string byline_after_h1(const std::string &body)
{
    const test::HeadingPage page(body);
    xmlNode *root = page.root;
    xmlNode *h1 = page.h1;
    std::string out;
    for (const core::Author &a : find_byline_after_heading(h1, root))
        out += (out.empty() ? "" : "; ") + a.name;
    return out;
}

TEST(VisibleByline, ByLineUnderTheHeadingNamesTheAuthor)
{
    EXPECT_EQ(
        byline_after_h1(
            "<h1>Bridge repairs</h1><div><strong>By <a href=\"/t/al\">Dr. Ann Lee</a></strong> - "
            "Mar 27, 2024</div><p>Text.</p>"),
        "Dr. Ann Lee");
}

TEST(VisibleByline, LabelInItsOwnElementIsFollowedByTheName)
{
    EXPECT_EQ(byline_after_h1("<h1>Bridge repairs</h1><div><div>Written by</div><div>The Towpath "
                              "editors</div></div>"),
              "The Towpath editors");
}

TEST(VisibleByline, NameInAnAuthorClassedElementInsideAMetaBlock)
{
    EXPECT_EQ(
        byline_after_h1(
            "<h1>Bridge repairs</h1><div class=\"post-date-auth\"><div class=\"authorInfo\"><img "
            "src=\"a.png\" alt=\"\"><span>Denise Carter</span></div><div>August 23, "
            "2023</div></div>"),
        "Denise Carter");
    EXPECT_EQ(
        byline_after_h1(
            "<h1>Bridge repairs</h1><div class=\"authorship\"><span>Denise Carter</span></div>"),
        "");
}

TEST(VisibleByline, RunningTextIsNoByline)
{
    EXPECT_EQ(byline_after_h1(
                  "<h1>Bridge repairs</h1><p>By the end of the spring the volunteers had replaced "
                  "every plank of the footbridge and the handrail.</p>"),
              "");
}

} // namespace
} // namespace colophon::pagemeta
