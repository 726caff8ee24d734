// The trace layout analysis keeps for the review page: every line of every page with its role.

#include "layout/layout_builder.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace colophon;
using colophon::testing::PageMaker;
using colophon::testing::Style;

namespace {

const Style small{8, false, false};
const Style title_style{18, true, false};
const Style heading_style{13, true, false};

core::Document build(std::vector<PageMaker> &pages, bool trace)
{
    layout::LayoutBuilder b;
    if (trace)
        b.enable_trace();
    for (auto &p : pages)
        b.add_page(p.page());
    core::Diagnostics diags("test");
    return b.finish(diags);
}

std::vector<PageMaker> two_pages()
{
    std::vector<PageMaker> pages{PageMaker(1), PageMaker(2)};
    PageMaker &p1 = pages[0];
    p1.line(50, 30, "Example Institute | Paper No. 5", small);
    p1.line(50, 80, "A Study of Things", title_style);
    p1.line(50, 110, "By Jane Doe and John Smith");
    p1.line(50, 124, "16 March 2023");
    double y = filler(p1, 160, 3);
    p1.line(50, y, "and that is the end of the first paragraph.");
    y += 30;
    p1.line(50, y, "A Heading Here", heading_style);
    y = filler(p1, y + 20, 30);
    p1.sup(50, 720, "1", 8);
    p1.line(54, 720, "A note about things.", small);
    p1.line(300, 760, "1");
    PageMaker &p2 = pages[1];
    p2.line(50, 30, "Example Institute | Paper No. 5", small);
    y = filler(p2, 80, 30);
    p2.line(50, y, "until it ends.");
    p2.line(300, 760, "2");
    return pages;
}

std::vector<core::TraceRole> roles_of(const core::ConversionTrace &t, const std::string &text)
{
    std::vector<core::TraceRole> out;
    for (const core::TraceBox &b : t.boxes)
        if (b.text.find(text) != std::string::npos)
            out.push_back(b.role);
    return out;
}

} // namespace

TEST(LayoutTrace, NothingRecordedUnlessAsked)
{
    auto pages = two_pages();
    EXPECT_EQ(build(pages, false).trace, nullptr);
}

TEST(LayoutTrace, EveryLineHasTheRoleLayoutGaveIt)
{
    auto pages = two_pages();
    const core::Document doc = build(pages, true);
    ASSERT_NE(doc.trace, nullptr);
    const core::ConversionTrace &t = *doc.trace;
    ASSERT_EQ(t.pages.size(), 2u);
    EXPECT_EQ(t.pages[0].width, 612);
    EXPECT_EQ(t.pages[1].page, 2);
    using R = core::TraceRole;
    EXPECT_EQ(roles_of(t, "A Study of Things"), std::vector<R>{R::Title});
    EXPECT_EQ(roles_of(t, "By Jane Doe"), std::vector<R>{R::Byline});
    EXPECT_EQ(roles_of(t, "16 March 2023"), std::vector<R>{R::Date});
    EXPECT_EQ(roles_of(t, "A Heading Here"), std::vector<R>{R::Heading});
    EXPECT_EQ(roles_of(t, "A note about things."), std::vector<R>{R::Footnote});
    EXPECT_EQ(roles_of(t, "until it ends."), std::vector<R>{R::Paragraph});
    const auto header = roles_of(t, "Example Institute");
    ASSERT_EQ(header.size(), 2u);
    EXPECT_EQ(header[0], R::RunningHeader);
    // every box lies on its page
    for (const core::TraceBox &b : t.boxes) {
        EXPECT_GE(b.page, 1);
        EXPECT_LE(b.box.x1, 612) << b.text;
        EXPECT_LE(b.box.y1, 792) << b.text;
        EXPECT_FALSE(b.text.empty());
    }
    const auto numbers = std::count_if(t.boxes.begin(), t.boxes.end(), [](const core::TraceBox &b) {
        return b.role == R::PageNumber;
    });
    EXPECT_EQ(numbers, 2);
}

TEST(LayoutTrace, TheTraceChangesNoOutput)
{
    auto a = two_pages();
    auto b = two_pages();
    const core::Document with = build(a, true);
    const core::Document without = build(b, false);
    ASSERT_EQ(with.body.size(), without.body.size());
    for (std::size_t i = 0; i < with.body.size(); ++i)
        EXPECT_EQ(core::plain_text(with.body[i]), core::plain_text(without.body[i]));
    EXPECT_EQ(with.meta.title, without.meta.title);
    EXPECT_EQ(with.notes.size(), without.notes.size());
}

TEST(LayoutTrace, FrontLineRoleByField)
{
    core::Metadata m;
    m.title = "A Study of Things in Two Lines";
    m.subtitle = "And a subtitle";
    m.date.text = "16 March 2023";
    m.original_source.text = "Originally published in the Daily";
    const std::vector<core::Author> authors{{"Jane Doe", "Example University", ""}};
    using R = core::TraceRole;
    EXPECT_EQ(core::front_line_role("in Two Lines", m, authors), R::Title);
    EXPECT_EQ(core::front_line_role("And a subtitle", m, authors), R::Subtitle);
    EXPECT_EQ(core::front_line_role("Published 16 March 2023", m, authors), R::Date);
    EXPECT_EQ(core::front_line_role("Originally published in the Daily", m, authors),
              R::Provenance);
    EXPECT_EQ(core::front_line_role("By Jane Doe", m, authors), R::Byline);
    EXPECT_EQ(core::front_line_role("Example University", m, authors), R::Byline);
    EXPECT_EQ(core::front_line_role("Something else", m, authors), R::FrontOther);
}
