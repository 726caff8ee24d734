#include "core/bylines.h"

#include <gtest/gtest.h>

using colophon::core::looks_like_person_name;
using colophon::core::parse_byline;

TEST(Bylines, SingleAuthorWithBy)
{
    const auto a = parse_byline("By Yauheni Preiherman");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].name, "Yauheni Preiherman");
}

TEST(Bylines, TwoAuthorsJoinedByAnd)
{
    const auto a = parse_byline("By Jane Doe and John van der Berg");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[1].name, "John van der Berg");
}

TEST(Bylines, CommaAndAmpersandList)
{
    const auto a = parse_byline("Jane Doe, John Smith & Ann Lee");
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[2].name, "Ann Lee");
}

TEST(Bylines, PipeSeparatesAffiliation)
{
    const auto a = parse_byline("Jane Doe | Senior Fellow, Baltic Policy Institute");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].affiliation, "Senior Fellow, Baltic Policy Institute");
}

TEST(Bylines, CyrillicPrefix)
{
    const auto a = parse_byline("Автор: Иван Петров");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].name, "Иван Петров");
}

TEST(Bylines, SentenceIsNotAByline) { EXPECT_TRUE(parse_byline("The visit attracted enormous attention.").empty()); }
TEST(Bylines, NameWithAffiliationTailWithoutPrefixIsNotAList)
{
    EXPECT_TRUE(parse_byline("Jane Doe, director of research at the institute").empty());
}
TEST(Bylines, NameHeuristic)
{
    EXPECT_TRUE(looks_like_person_name("Yauheni Preiherman"));
    EXPECT_FALSE(looks_like_person_name("Share this"));
    EXPECT_FALSE(looks_like_person_name("Page 3 of 4"));
    EXPECT_FALSE(looks_like_person_name("Related publications and more"));
}

TEST(Bylines, OcrMisreadCapitalIInNameIsRepaired)
{
    EXPECT_EQ(colophon::core::repair_ocr_name("Kwame lyer"), "Kwame Iyer");
    EXPECT_EQ(colophon::core::repair_ocr_name("lsabel Marquez"), "Isabel Marquez");
    EXPECT_EQ(colophon::core::repair_ocr_name("Jean le Carre"), "Jean le Carre"); // a particle
    EXPECT_EQ(colophon::core::repair_ocr_name("Anna Lee"), "Anna Lee");
    const auto a = parse_byline("Kwame lyer | Aurelian Trade Observatory", true);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].name, "Kwame Iyer");
    EXPECT_EQ(a[0].affiliation, "Aurelian Trade Observatory");
    // born-digital text is taken as printed: a lower-case word is no name
    EXPECT_TRUE(parse_byline("Kwame lyer | Aurelian Trade Observatory", false).empty());
    // and prose never becomes a byline through the repair
    EXPECT_TRUE(parse_byline("Kwame likes long walks", true).empty());
}

TEST(Bylines, OcrSpeckAfterGivenNameIsNoFullStop)
{
    using colophon::core::repair_ocr_name;
    EXPECT_EQ(repair_ocr_name("Ewa. Achterberg"), "Ewa Achterberg");
    EXPECT_EQ(repair_ocr_name("J. Smith"), "J. Smith");            // an initial
    EXPECT_EQ(repair_ocr_name("Md. Khalid Hossain"), "Md. Khalid Hossain"); // an abbreviation
    const auto a = parse_byline("By Ewa. Achterberg and Ewa. Quiroga", true);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].name, "Ewa Achterberg");
    EXPECT_EQ(a[1].name, "Ewa Quiroga");
    // born-digital text is taken as printed
    EXPECT_EQ(parse_byline("By Ewa. Achterberg", false).at(0).name, "Ewa. Achterberg");
}

TEST(Bylines, NameThenAffiliationSplits)
{
    using colophon::core::split_name_affiliation;
    auto a = split_name_affiliation("Jane Doe | Some Institute for Policy", false);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "Jane Doe");
    EXPECT_EQ(a->affiliation, "Some Institute for Policy");
    a = split_name_affiliation("Jane Doe, University of Somewhere", false);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->affiliation, "University of Somewhere");
    a = split_name_affiliation("Tobias lvanov \xE2\x80\x94 Lindqvist Foundation", true);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "Tobias Ivanov");
    EXPECT_EQ(a->affiliation, "Lindqvist Foundation");
    // sentences, numbers and lower-case tails are not affiliations
    EXPECT_FALSE(split_name_affiliation("Jane Doe, who wrote this, disagrees.", false));
    EXPECT_FALSE(split_name_affiliation("Jane Doe, 12 March 2024", false));
    EXPECT_FALSE(split_name_affiliation("In practice, the interoperability of procedures", false));
}

TEST(Bylines, SpecksBesideTheBarAreNotPartOfTheAffiliation)
{
    const auto a = colophon::core::split_name_affiliation("Isla Marwood |. Velora Freight Institute", true);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "Isla Marwood");
    EXPECT_EQ(a->affiliation, "Velora Freight Institute");
}

TEST(Bylines, IntroducedSubjectReadsNotesAboutSomeone)
{
    using colophon::core::introduced_subject;
    auto i = introduced_subject("Jane Doe is a senior fellow at the Lindqvist Foundation. She writes on trade.");
    ASSERT_TRUE(i);
    EXPECT_EQ(i->subject, "Jane Doe");
    EXPECT_EQ(i->affiliation, "the Lindqvist Foundation");
    i = introduced_subject("Jeff Foust (jeff@example.org) is the editor and publisher of The Space Review.");
    ASSERT_TRUE(i);
    EXPECT_EQ(i->subject, "Jeff Foust");
    EXPECT_EQ(i->affiliation, "The Space Review");
    i = introduced_subject("Eric Song is IGN's deal curator");
    ASSERT_TRUE(i);
    EXPECT_EQ(i->subject, "Eric Song");
    EXPECT_EQ(i->affiliation, "");
    i = introduced_subject("Ascom is a global solutions provider focused on healthcare.");
    ASSERT_TRUE(i);
    EXPECT_EQ(i->subject, "Ascom");
    // sentences whose subject is no name
    EXPECT_FALSE(introduced_subject("The committee is expected to meet in May."));
    EXPECT_FALSE(introduced_subject("It is a long way to the sea."));
    EXPECT_FALSE(introduced_subject("Growth slowed. Jane Doe is a fellow."));
}

TEST(Bylines, DatelineIsNoPartOfTheAffiliation)
{
    const auto a = colophon::core::parse_byline("By Eric Song, IGN Staff Updated: 18 Nov 2019 9:38 pm Posted: 18 Nov 2019");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].name, "Eric Song");
    EXPECT_EQ(a[0].affiliation, "IGN Staff");
    const auto b = colophon::core::parse_byline("Jane Doe | Riverside Institute Published 3 May 2024");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].affiliation, "Riverside Institute");
}
