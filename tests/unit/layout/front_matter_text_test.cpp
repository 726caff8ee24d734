// What a front-matter line says from its text (converters/layout/front_matter_text.cpp).

#include "layout/front_matter_text.h"

#include <gtest/gtest.h>

using namespace colophon::layout;

TEST(FrontMatterText, ProvenanceOpensTheLineOrFollowsADate)
{
    EXPECT_EQ(provenance_start("Originally published in the Eurasia Daily Monitor"), 0u);
    EXPECT_EQ(provenance_start("This article first appeared in Foreign Affairs"), 0u);
    const std::string line = "July 20, 2025 Originally published in the Frontier Trade Digest";
    EXPECT_EQ(provenance_start(line), line.find("Originally"));
    // after anything but a date it is a sentence of the text
    EXPECT_EQ(provenance_start("The report was originally published in 2019"), std::string::npos);
    EXPECT_EQ(provenance_start("Some words before Originally published in X"), std::string::npos);
}

TEST(FrontMatterText, ProvenanceTitleAndUrl)
{
    const auto src =
        parse_provenance("Originally published in the Eurasia Daily Monitor, Volume 20");
    EXPECT_EQ(src.title, "Eurasia Daily Monitor");
    EXPECT_EQ(parse_provenance("Reprinted from Foreign Affairs").title, "Foreign Affairs");
    EXPECT_EQ(parse_provenance("Originally published by X at https://x.example/a.").url,
              "https://x.example/a");
}

TEST(FrontMatterText, SeriesLineNamesPublisherAndSeries)
{
    SeriesLine s = read_series_line("Example Institute | Policy Brief No. 37");
    EXPECT_EQ(s.publisher, "Example Institute");
    EXPECT_EQ(s.series, "Policy Brief No. 37");
    s = read_series_line("Corridor Monitor \xE2\x80\x94 Volume 10, Issue 163");
    EXPECT_TRUE(s.publisher.empty());
    EXPECT_EQ(s.series, "Corridor Monitor \xE2\x80\x94 Volume 10, Issue 163");
    EXPECT_TRUE(is_series_line("Volume 20, Issue 45"));
    EXPECT_FALSE(is_series_line("The first issue 5 of many things that were said over the years in "
                                "this long sentence here"));
}

TEST(FrontMatterText, PublisherAfterTheTitle)
{
    EXPECT_EQ(publisher_after_title("Why it stalls | The Estmark Observer", "Why it stalls"),
              "The Estmark Observer");
    EXPECT_EQ(publisher_after_title("The Estmark Observer - Why it stalls", "Why it stalls"),
              "The Estmark Observer");
    EXPECT_TRUE(publisher_after_title("Why it stalls", "Why it stalls").empty());
    EXPECT_TRUE(publisher_after_title("Microsoft Word - draft.docx", "Why it stalls").empty());
    EXPECT_TRUE(publisher_after_title(
                    "Why it stalls | and many more words follow here than a name would ever have",
                    "Why it stalls")
                    .empty());
}
