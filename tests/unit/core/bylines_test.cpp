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
