#include "tei/text_writer.h"

#include "sample_document.h"

#include <gtest/gtest.h>

using namespace colophon;

TEST(TextWriter, StartsWithTitleBylineAndDate)
{
    const std::string text = tei::write_text(fixtures::sample_document());
    EXPECT_EQ(text.rfind("Belarusian-Chinese Ties\nDraw Heightened International Attention\n"
                         "By Jane Doe (Director, Example Council), John Roe\n2023-03-16\n", 0),
              0u);
}

TEST(TextWriter, ParagraphsSeparatedByBlankLinesAndNotesAtEnd)
{
    const std::string text = tei::write_text(fixtures::sample_document());
    EXPECT_NE(text.find("A lede with emphasis\n\nBefore the first heading, the 20th congress & <friends>.[1]\n\nSection"),
              std::string::npos);
    EXPECT_NE(text.find("\nNotes\n\n[1] A footnote.\n"), std::string::npos);
    EXPECT_EQ(text.find('<' + std::string("hi")), std::string::npos);
}

TEST(TextWriter, OutputIsNfc)
{
    core::Document doc;
    doc.body.push_back({core::BlockKind::Paragraph, 0, false, {}, {core::Inline::make_text("Cafe\xCC\x81")}, {}, {}});
    EXPECT_NE(tei::write_text(doc).find("Caf\xC3\xA9"), std::string::npos);
}

TEST(TextWriter, NumberedListCountsFromItsStart)
{
    EXPECT_EQ(tei::write_text(fixtures::numbered_list(4, {"fourth", "fifth"})),
              "4. fourth\n\n5. fifth\n");
}
