// The author's bio closing the text (converters/layout/author_bio.cpp), through LayoutBuilder.

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
const Style bold_italic{10, true, true};
const Style italic{10, false, true};

core::Document build_one(PageMaker &page)
{
    LayoutBuilder b;
    b.add_page(page.page());
    core::Diagnostics diags("test");
    return b.finish(diags);
}

// A paragraph of `n` filler lines and its closing line.
double paragraph(PageMaker &pm, double y, int n)
{
    y = colophon::testing::filler(pm, y, n);
    pm.line(50, y, "and the paragraph ends here.");
    return y + 12;
}

bool body_contains(const core::Document &doc, const std::string &text)
{
    for (const auto &b : doc.body)
        if (core::plain_text(b).find(text) != std::string::npos)
            return true;
    return false;
}

// A first page with a title and, when `byline` is given, that byline; then a body.
PageMaker page_with(const std::string &byline)
{
    PageMaker p(1);
    p.line(50, 60, "A Study of Things", title_style);
    if (!byline.empty())
        p.line(50, 84, byline, italic);
    paragraph(p, 110, 5);
    return p;
}

} // namespace

TEST(AuthorBio, NameSetApartOverItsAffiliationAtTheEnd)
{
    PageMaker p = page_with("Tobias Strand");
    p.line(50, 200, "Tobias Strand", bold_italic);
    p.line(50, 222, "Director of Research, Halvorsen Institute for Corridor Studies", italic);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].affiliation,
              "Director of Research, Halvorsen Institute for Corridor Studies");
    EXPECT_FALSE(body_contains(doc, "Director of Research"));
}

TEST(AuthorBio, NameAndAffiliationInOneParagraph)
{
    // no byline on top: the name at the end is the author
    PageMaker p = page_with("");
    p.line(50, 200, "Tobias Strand", bold_italic);
    p.line(50, 212, "Director of Research, Halvorsen Institute", italic);
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Tobias Strand");
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Director of Research, Halvorsen Institute");
    EXPECT_FALSE(body_contains(doc, "Tobias Strand"));
}

TEST(AuthorBio, BioOfABylineAuthorBeforeNotesAndAFooter)
{
    PageMaker p = page_with("Tobias Strand");
    p.line(50, 200, "Tobias Strand", bold_italic);
    p.line(50, 222, "Director of Research, Halvorsen Institute", italic);
    p.line(
        50, 250,
        "What follows the bio is text the other stages of the analysis deal with, such as this.");
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Director of Research, Halvorsen Institute");
    EXPECT_FALSE(body_contains(doc, "Director of Research"));
    EXPECT_TRUE(body_contains(doc, "What follows the bio"));
}

TEST(AuthorBio, SentencesAboutTheBylineAuthorsBeforeAFooter)
{
    PageMaker p = page_with("By Helena Mensah and Tomasz Demir");
    p.line(50, 200,
           "Helena Mensah is a senior fellow at Centre for Trade. Tomasz Demir is a visiting "
           "scholar at");
    p.line(50, 212, "Centre for Trade.");
    p.line(50, 240, "\xC2\xA9 2023 Frontier Economics Daily. All rights reserved.");
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Centre for Trade");
    EXPECT_EQ(doc.meta.authors[1].affiliation, "Centre for Trade");
    EXPECT_FALSE(body_contains(doc, "senior fellow"));
}

TEST(AuthorBio, AnyoneElsesNameInTheTextStaysText)
{
    PageMaker p = page_with("Tobias Strand");
    p.line(50, 200, "Jane Doe", bold_italic);
    p.line(50, 222, "Minister of Transport", italic);
    p.line(50, 250,
           "What follows is more of the text, and it is long enough to be a paragraph of its own.");
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_TRUE(doc.meta.authors[0].affiliation.empty());
    EXPECT_TRUE(body_contains(doc, "Minister of Transport"));
}

TEST(AuthorBio, AnAuthorAskingAQuestionIsNoBio)
{
    // an interview: the author's name labels what they said
    PageMaker p = page_with("Tobias Strand");
    p.line(50, 200, "Tobias Strand", bold_italic);
    p.line(50, 222, "Why did the corridor stall?");
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_TRUE(doc.meta.authors[0].affiliation.empty()) << doc.meta.authors[0].affiliation;
    EXPECT_TRUE(body_contains(doc, "Why did the corridor stall?"));
}

TEST(AuthorBio, OcrSpecksAfterTheAffiliationAreNoPartOfIt)
{
    PageMaker p = page_with("Tobias Strand");
    p.page().from_ocr = true;
    p.line(50, 200, "Tobias Strand");
    p.line(50, 222, "Director of Research, Halvorsen Institute ~~");
    const core::Document doc = build_one(p);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Director of Research, Halvorsen Institute");
}
