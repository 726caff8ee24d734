// Titles chosen from what a page shows and declares, one behaviour per test.

#include "pagemeta/title_choice.h"
#include "pagemeta/title_words.h"

#include <gtest/gtest.h>

namespace colophon::pagemeta {
namespace {

TitleEvidence evidence(std::vector<std::string> declared, std::vector<std::string> headings,
                       std::vector<std::string> sites = {}, std::string address = {})
{
    TitleEvidence e;
    e.declared = std::move(declared);
    e.headings = std::move(headings);
    e.site_names = std::move(sites);
    e.address = std::move(address);
    return e;
}

TEST(TitleWords, TypographicPunctuationSeparatesWords)
{
    EXPECT_TRUE(
        same_words("Traveler\xE2\x80\x99s Guide \xE2\x80\x94 Part 1", "traveler's guide: part 1"));
    EXPECT_FALSE(same_words("Guide", "Guides"));
}

TEST(TitleChoice, SegmentsSplitOnSpacedSeparatorsOnly)
{
    const auto s = title_segments("Cross-Country Movers \xE2\x80\x93 Local Help | Example Movers");
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0], "Cross-Country Movers");
    EXPECT_EQ(s[2], "Example Movers");
}

TEST(TitleChoice, HostWrittenOutNamesTheSite)
{
    const TitleEvidence e = evidence({}, {}, {}, "https://www.lanternworks.com/blog/post");
    EXPECT_TRUE(names_the_site("Lanternworks.com", e));
    EXPECT_TRUE(names_the_site("Lanternworks", e));
    EXPECT_FALSE(names_the_site("Lantern repairs", e));
}

TEST(TitleChoice, SiteNameSuffixAndPrefixAreStripped)
{
    const TitleEvidence e = evidence({}, {}, {"Quill Weekly"}, "https://quillweekly.example/");
    EXPECT_EQ(without_site_name("Ten tips for winter gardens | Quill Weekly", e),
              "Ten tips for winter gardens");
    EXPECT_EQ(without_site_name("Quill Weekly - Ten tips for winter gardens", e),
              "Ten tips for winter gardens");
    EXPECT_EQ(without_site_name("Thread title / Board section / Quill Weekly", e), "Thread title");
    EXPECT_EQ(without_site_name("Quill Weekly", e), "Quill Weekly");
}

TEST(TitleChoice, HeadingThatAgreesWithDeclaredTitleWins)
{
    const TitleEvidence e =
        evidence({"Hire Local Movers \xE2\x80\x93 Moving Help in Jackson, NJ | Movehelp"},
                 {"Hire Movers in Jackson, NJ"});
    EXPECT_EQ(choose_title(e), "Hire Movers in Jackson, NJ");
}

TEST(TitleChoice, HeadingNamingTheSiteIsSetAside)
{
    TitleEvidence e = evidence({"Winter gardens for small yards | Quill Weekly"},
                               {"Quill Weekly", "Winter gardens for small yards"});
    EXPECT_EQ(choose_title(e), "Winter gardens for small yards");
    e.main_heading = "Quill Weekly";
    e.headings = {"Quill Weekly"};
    EXPECT_EQ(choose_title(e), "Winter gardens for small yards");
}

TEST(TitleChoice, MainHeadingWinsOverDisagreeingDeclaredTitle)
{
    TitleEvidence e = evidence({"Sheets for every bed | Linen House"}, {"All Sheets"});
    e.main_heading = "All Sheets";
    EXPECT_EQ(choose_title(e), "All Sheets");
}

TEST(TitleChoice, SloganHeadingLosesToDeclaredTitle)
{
    TitleEvidence e = evidence({"Screen recorder for teams | Clipwell"}, {"One video says more"});
    e.main_heading = "One video says more";
    e.slogan_headings = true;
    EXPECT_EQ(choose_title(e), "Screen recorder for teams");
}

TEST(TitleChoice, FirstHeadingWhenNothingIsDeclared)
{
    EXPECT_EQ(choose_title(evidence({}, {"A page without a head"})), "A page without a head");
    EXPECT_EQ(choose_title(evidence({}, {})), "");
}

} // namespace
} // namespace colophon::pagemeta
