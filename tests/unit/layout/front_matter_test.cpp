// Front matter read from the first page's typography and position
// (converters/layout/front_matter.cpp), through LayoutBuilder as the PDF and OCR converters use it.

#include "layout/layout_builder.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace colophon;
using namespace colophon::layout;
using colophon::testing::PageMaker;
using colophon::testing::Style;

namespace {

const Style title_style{18, true, false};
const Style subtitle_style{14, false, false};
const Style italic{10, false, true};
const Style small{9, false, false};
const Style small_bold{9, true, false};

core::Document build(std::vector<PageMaker> &pages)
{
    LayoutBuilder b;
    for (auto &p : pages)
        b.add_page(p.page());
    core::Diagnostics diags("test");
    return b.finish(diags);
}

core::Document build_one(PageMaker &page)
{
    std::vector<PageMaker> pages{page};
    return build(pages);
}

// Fills a page's body with `n` full lines of filler prose from `y`, returning the next y.
// The body after the front matter: one paragraph ending a sentence.
void body(PageMaker &pm, double y)
{
    y = filler(pm, y, 5);
    pm.line(50, y, "and the body ends here.");
}

std::vector<std::string> paragraphs(const core::Document &doc)
{
    std::vector<std::string> out;
    for (const auto &b : doc.body)
        if (b.kind == core::BlockKind::Paragraph)
            out.push_back(core::plain_text(b));
    return out;
}

bool body_contains(const core::Document &doc, const std::string &text)
{
    for (const auto &b : doc.body)
        if (core::plain_text(b).find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(FrontMatter, SubtitleIsOneRunOfOneStyle)
{
    // the seed's layout: subtitle, the author's name in italics, an italic lede
    PageMaker p(1);
    p.line(50, 60, "Belarusian-Chinese Ties", title_style);
    p.line(50, 84, "Draw Heightened International Attention", subtitle_style);
    p.line(50, 102, "Yauheni Preiherman", Style{11, false, true});
    p.line(50, 120, "From February 28 to March 2, the president paid a state visit that drew",
           Style{10.8, false, true});
    p.line(50, 132, "enormous attention for reasons that had more to do with the war.",
           Style{10.8, false, true});
    body(p, 156);
    const core::Document doc = build_one(p);
    EXPECT_EQ(doc.meta.subtitle, "Draw Heightened International Attention");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Yauheni Preiherman");
}

TEST(FrontMatter, ItalicNameRightUnderTheTitleIsTheByline)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "Jane Doe", italic);
    body(p, 110);
    const core::Document doc = build_one(p);
    EXPECT_TRUE(doc.meta.subtitle.empty()) << doc.meta.subtitle;
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Jane Doe");
}

TEST(FrontMatter, NamesSetLargeAreTheBylineNotASubtitle)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "Jane Doe, John Smith and Ann Lee", Style{11, true, false});
    body(p, 110);
    const core::Document doc = build_one(p);
    EXPECT_TRUE(doc.meta.subtitle.empty()) << doc.meta.subtitle;
    EXPECT_EQ(doc.meta.authors.size(), 3u);
}

TEST(FrontMatter, ProvenanceAfterTheDateOnOneLineAboveTheTitleWithItsLink)
{
    PageMaker p(1);
    const double x = p.line(50, 40, "16.03.2023 Originally published in the") + 2.5;
    const double x1 = p.line(x, 40, "Eurasia Daily Monitor");
    p.link({x - 1, 39, x1 + 1, 51}, "https://monitor.example/edm/");
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe");
    body(p, 110);
    const core::Document doc = build_one(p);
    EXPECT_EQ(doc.meta.date.iso, "2023-03-16");
    EXPECT_EQ(doc.meta.original_source.title, "Eurasia Daily Monitor");
    EXPECT_EQ(doc.meta.original_source.url, "https://monitor.example/edm/");
    EXPECT_EQ(doc.meta.original_source.text, "Originally published in the Eurasia Daily Monitor");
}

TEST(FrontMatter, ProvenanceStackedUnderTheDate)
{
    PageMaker p(1);
    p.line(50, 30, "March 16, 2023");
    p.line(50, 42, "Originally published in the Eurasia Daily Monitor");
    p.line(50, 70, "A Study of Things", title_style);
    body(p, 110);
    const core::Document doc = build_one(p);
    EXPECT_EQ(doc.meta.date.iso, "2023-03-16");
    EXPECT_EQ(doc.meta.original_source.title, "Eurasia Daily Monitor");
    EXPECT_FALSE(body_contains(doc, "Originally published"));
}

namespace {

// Two pages with the running header `header` set at the top of each.
std::vector<PageMaker> pages_with_header(const std::string &header)
{
    std::vector<PageMaker> pages{PageMaker(1), PageMaker(2)};
    for (PageMaker &p : pages)
        p.line(50, 20, header, Style{8, false, false});
    pages[0].line(50, 60, "A Study of Things", title_style);
    pages[0].line(50, 84, "By Jane Doe");
    body(pages[0], 110);
    body(pages[1], 60);
    return pages;
}

} // namespace

TEST(FrontMatter, RunningHeaderNamesThePublisherAndItsSeries)
{
    std::vector<PageMaker> pages = pages_with_header("Example Institute | Policy Brief No. 37");
    const core::Document doc = build(pages);
    EXPECT_EQ(doc.meta.publisher, "Example Institute");
    EXPECT_EQ(doc.meta.series, "Policy Brief No. 37");
}

TEST(FrontMatter, RunningHeaderNumbersThePeriodical)
{
    std::vector<PageMaker> pages =
        pages_with_header("Corridor Monitor \xE2\x80\x94 Volume 10, Issue 163");
    const core::Document doc = build(pages);
    EXPECT_EQ(doc.meta.series, "Corridor Monitor \xE2\x80\x94 Volume 10, Issue 163");
    EXPECT_TRUE(doc.meta.publisher.empty());
}

TEST(FrontMatter, DateOfTheRunningHeaderWhenThePageShowsNone)
{
    std::vector<PageMaker> pages = pages_with_header("Policy Commentary | 16 March 2023");
    const core::Document doc = build(pages);
    EXPECT_EQ(doc.meta.date.iso, "2023-03-16");
}

TEST(FrontMatter, OneAuthorAndAffiliationPerLine)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "Ewa Lindholm, Meridian Policy Forum");
    p.line(50, 96, "Marcus Okafor, Meridian Policy Forum");
    p.line(50, 108, "Ewa Ferreira, University of Estmark, Department of Economics");
    p.line(50, 120, "2024-08-26", small);
    body(p, 146);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 3u);
    EXPECT_EQ(doc.meta.authors[0].name, "Ewa Lindholm");
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Meridian Policy Forum");
    EXPECT_EQ(doc.meta.authors[1].name, "Marcus Okafor");
    EXPECT_EQ(doc.meta.authors[2].affiliation, "University of Estmark, Department of Economics");
    EXPECT_EQ(doc.meta.date.iso, "2024-08-26");
}

TEST(FrontMatter, AuthorsSideBySideEachOverItsAffiliation)
{
    PageMaker p(1);
    p.line(50, 60, "Trade Deals", title_style);
    p.line(50, 90, "Priya Quiroga", small_bold);
    p.line(50, 101, "North Sea Economic Research", small);
    p.line(50, 112, "Group", small);
    p.line(50, 126, "13 January 2024", small);
    p.line(200, 90, "Marcus Oyelaran", small_bold);
    p.line(200, 101, "University of Estmark, Department of", small);
    p.line(200, 112, "Economics", small);
    body(p, 150);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "North Sea Economic Research Group");
    EXPECT_EQ(doc.meta.authors[1].name, "Marcus Oyelaran");
    EXPECT_EQ(doc.meta.authors[1].affiliation, "University of Estmark, Department of Economics");
    EXPECT_EQ(doc.meta.date.iso, "2024-01-13");
    EXPECT_FALSE(body_contains(doc, "Economics"));
}

TEST(FrontMatter, NamesListedOverTwoLinesAreNotOneAuthorPerLine)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "Xiaolu Huang, Xinhua Qu, Weili Yan,");
    p.line(50, 96, "Lianming Wu, Hai Lin, Zhiwei Chen");
    body(p, 120);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 6u);
    EXPECT_EQ(doc.meta.authors[1].name, "Xinhua Qu");
    EXPECT_TRUE(doc.meta.authors[0].affiliation.empty()) << doc.meta.authors[0].affiliation;
    EXPECT_EQ(doc.meta.authors[5].name, "Zhiwei Chen");
}

// "By A and B" closes its list: the organisation under it, set in the same style, is the
// authors' affiliation, not a third author.
TEST(FrontMatter, OrganisationUnderACompleteBylineIsTheAffiliation)
{
    PageMaker p(1);
    p.line(50, 60, "Ferry Timetables", title_style);
    p.line(50, 84, "By Tomas Reinholt and Ada Mbeki");
    p.line(50, 96, "Coastal Transport Forum");
    p.line(50, 108, "12 February 2025");
    body(p, 134);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Coastal Transport Forum");
    EXPECT_EQ(doc.meta.authors[1].name, "Ada Mbeki");
    EXPECT_EQ(doc.meta.authors[1].affiliation, "Coastal Transport Forum");
    EXPECT_EQ(doc.meta.date.iso, "2025-02-12");
}

TEST(FrontMatter, AffiliationMarksSetApartAboveTheNames)
{
    // the marks rise above the names' line, so the line analysis sets them on a line of their own
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.word(87.6, 84, "1", Style{6});
    p.word(145.5, 84, "2", Style{6});
    p.line(50, 86, "Jane Doe , John Smith");
    p.word(50, 100, "1", Style{6});
    p.line(54, 101, "Example Institute", small);
    p.word(50, 112, "2", Style{6});
    p.line(54, 113, "Other University", small);
    body(p, 140);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Example Institute");
    EXPECT_EQ(doc.meta.authors[1].affiliation, "Other University");
}

TEST(FrontMatter, BylineRunsOnAndAuthorsCarrySeveralMarks)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    double x = p.line(50, 84, "Farzana Alam");
    x = p.sup(x, 84, "1");
    x = p.line(x + 2.5, 84, ", Mohammad Rahman");
    x = p.sup(x, 84, "2");
    p.line(x, 84, ",");
    x = p.line(50, 96, "Khalid Hossain");
    x = p.sup(x, 96, "2");
    x = p.line(x + 2.5, 96, "and Aslam Hossain");
    p.sup(x, 96, "2,3");
    x = p.sup(50, 112, "1", 9);
    p.line(x + 1, 112, "Example Institute", small);
    x = p.sup(50, 124, "2", 9);
    p.line(x + 1, 124, "Department of Chemistry, University of Somewhere,", small);
    p.line(50, 135, "Dhaka, Bangladesh", small);
    x = p.sup(50, 148, "3", 9);
    p.line(x + 1, 148, "Centre for Research", small);
    body(p, 176);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 4u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Example Institute");
    EXPECT_EQ(doc.meta.authors[2].name, "Khalid Hossain");
    EXPECT_EQ(doc.meta.authors[2].affiliation,
              "Department of Chemistry, University of Somewhere, Dhaka, Bangladesh");
    EXPECT_EQ(doc.meta.authors[3].affiliation,
              "Department of Chemistry, University of Somewhere, Dhaka, Bangladesh");
}

TEST(FrontMatter, AbstractHeadingEndsTheFrontMatter)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe and John Smith");
    p.line(50, 104, "Abstract", small_bold);
    body(p, 120);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_TRUE(doc.meta.authors[0].affiliation.empty()) << doc.meta.authors[0].affiliation;
}

TEST(FrontMatter, ItalicLedeIsTheAbstract)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe");
    p.line(50, 104, "Governments have spent heavily on the corridor, and the harder work on rules",
           italic);
    p.line(50, 116, "and data has barely begun.", italic);
    body(p, 136);
    const core::Document doc = build_one(p);
    EXPECT_EQ(core::plain_text(doc.meta.abstract),
              "Governments have spent heavily on the corridor, and the harder work on rules and "
              "data has barely begun.");
    EXPECT_FALSE(body_contains(doc, "Governments have spent"));
}

TEST(FrontMatter, LedeSetLargerIsTheAbstract)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe");
    p.line(50, 104, "Governments have spent heavily on the corridor,", Style{13, false, false});
    p.line(50, 120, "and the harder work has barely begun.", Style{13, false, false});
    body(p, 144);
    const core::Document doc = build_one(p);
    EXPECT_EQ(
        core::plain_text(doc.meta.abstract),
        "Governments have spent heavily on the corridor, and the harder work has barely begun.");
}

TEST(FrontMatter, LedeBrokenOverTwoParagraphsIsOneAbstract)
{
    // a column or page break inside the lede leaves two italic paragraphs before the upright body
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe");
    p.line(50, 104,
           "Governments have spent heavily on the corridor, and the harder work on the rules",
           italic);
    p.line(50, 116, "and on the data", italic);
    p.line(50, 140, "has barely begun.", italic);
    body(p, 164);
    const core::Document doc = build_one(p);
    EXPECT_EQ(core::plain_text(doc.meta.abstract),
              "Governments have spent heavily on the corridor, and the harder work on the "
              "rules and on the data has barely begun.");
    EXPECT_FALSE(body_contains(doc, "barely begun"));
}

TEST(FrontMatter, ItalicAddressIsNoLede)
{
    // an affiliation set in italics under the byline does not end a sentence: not a lede
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe and John Smith");
    p.line(50, 100,
           "Division of Population Health Sciences, Department of Psychology, Royal College of "
           "Surgeons,",
           italic);
    p.line(50, 112, "Dublin 2, Ireland", italic);
    body(p, 136);
    const core::Document doc = build_one(p);
    EXPECT_TRUE(doc.meta.abstract.empty()) << core::plain_text(doc.meta.abstract);
}

TEST(FrontMatter, LedeInANarrowColumnIsNoAffiliation)
{
    // the authors' affiliations came with their marks: the italic lede in the left column,
    // capitalised like prose, stays text
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    double x = p.line(50, 84, "Jane Doe");
    p.sup(x, 84, "1");
    x = p.sup(50, 98, "1", 9);
    p.line(x + 1, 98, "Example Institute", small);
    p.line(50, 110, "March 16, 2023", small);
    p.line(50, 130, "Kessland and Norrland Ministers", italic);
    p.line(50, 142, "have spent heavily on the minerals route.", italic);
    for (int i = 0; i < 8; ++i)
        p.line(50, 160 + 12.0 * i, "left column words fill the line up");
    for (int i = 0; i < 10; ++i)
        p.line(320, 130 + 12.0 * i, "right column words fill the line up");
    body(p, 300); // full width under the columns
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Example Institute");
    EXPECT_NE(core::plain_text(doc.meta.abstract).find("Kessland and Norrland Ministers"),
              std::string::npos)
        << core::plain_text(doc.meta.abstract);
}

TEST(FrontMatter, ProseInANarrowColumnIsNoAffiliation)
{
    // the author has no affiliation yet; the lede's first line in the left column is short
    // against the page's measure but capitalised like prose, not like a name
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 84, "By Jane Doe");
    p.line(50, 98, "March 16, 2023", small);
    p.line(50, 120, "The Southern Gulf shipping lane was meant to", italic);
    p.line(50, 132, "transform trade between the two countries.", italic);
    for (int i = 0; i < 8; ++i)
        p.line(50, 150 + 12.0 * i, "left column words fill the line up");
    for (int i = 0; i < 10; ++i)
        p.line(320, 120 + 12.0 * i, "right column words fill the line up");
    body(p, 300);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_TRUE(doc.meta.authors[0].affiliation.empty()) << doc.meta.authors[0].affiliation;
    EXPECT_NE(core::plain_text(doc.meta.abstract).find("The Southern Gulf"), std::string::npos)
        << core::plain_text(doc.meta.abstract);
}

TEST(FrontMatter, OcrSpecksAroundTheTitleBlockAreNoText)
{
    PageMaker p(1);
    p.page().from_ocr = true;
    p.line(40, 58, "|", title_style);
    p.line(50, 60, "A Study of Things |", title_style);
    p.line(50, 84, "~", subtitle_style);
    p.line(60, 86, "What the figures say", subtitle_style);
    p.line(50, 104, "ee", small);
    p.line(50, 116, "By Jane Doe and John Smith");
    p.line(50, 128, "- Aurelian Trade Observatory", small);
    body(p, 150);
    const core::Document doc = build_one(p);
    EXPECT_EQ(doc.meta.title, "A Study of Things");
    EXPECT_EQ(doc.meta.subtitle, "What the figures say");
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Aurelian Trade Observatory");
    for (const auto &para : paragraphs(doc))
        EXPECT_EQ(para.find("ee "), std::string::npos) << para;
}

TEST(FrontMatter, SubtitleCutInTwoByTheColumnAnalysisIsOneLine)
{
    // a scan: specks under the subtitle open a narrow vertical gap the column analysis cuts at
    PageMaker p(1);
    p.page().from_ocr = true;
    p.line(50, 60, "A Study of Things", title_style);
    const double x = p.line(50, 84, "How Estmark", subtitle_style);
    p.line(50, 102, "Tobias Strand", italic);
    p.line(50, 114, ". .", italic);
    p.line(x + 8, 84, "and Veloria could share the asset", subtitle_style);
    p.line(x + 40, 102, "| |", italic);
    p.line(x + 60, 114, "|", italic);
    body(p, 140);
    const core::Document doc = build_one(p);
    EXPECT_EQ(doc.meta.subtitle, "How Estmark and Veloria could share the asset");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Tobias Strand");
}

TEST(FrontMatter, PublisherAfterTheTitleInTheDocumentInformation)
{
    PageMaker p(1);
    p.line(50, 60, "Why the corridor is stalling", title_style);
    body(p, 100);
    DocumentHints hints;
    hints.title = "Why the corridor is stalling | The Estmark Observer";
    LayoutBuilder b(hints);
    b.add_page(p.page());
    core::Diagnostics diags("test");
    const core::Document doc = b.finish(diags);
    EXPECT_EQ(doc.meta.publisher, "The Estmark Observer");
}
