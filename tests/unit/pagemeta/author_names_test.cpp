// Author names cleaned for the catalogue, one behaviour per test.

#include "pagemeta/author_names.h"

#include <gtest/gtest.h>

namespace colophon::pagemeta {
namespace {

AuthorContext context(bool handles = false)
{
    AuthorContext c;
    c.site_names = {"Quill Weekly"};
    c.address = "https://www.quillweekly.example/a/1";
    c.handles_are_authors = handles;
    return c;
}

TEST(AuthorNames, SiteNameAfterTheNameGoes)
{
    EXPECT_EQ(clean_author_name("Jane Doe - Quill Weekly", context()).value_or(""), "Jane Doe");
    EXPECT_EQ(clean_author_name("Jane Doe, Quill Weekly", context()).value_or(""), "Jane Doe");
    EXPECT_EQ(clean_author_name("Jane Doe, PhD", context()).value_or(""), "Jane Doe, PhD");
}

TEST(AuthorNames, EscapedEntitiesAndEdgePunctuationAreRepaired)
{
    EXPECT_EQ(clean_author_name("Maria &amp; Katerina", context()).value_or(""),
              "Maria & Katerina");
    EXPECT_EQ(clean_author_name(", Lee Park", context()).value_or(""), "Lee Park");
}

TEST(AuthorNames, PlaceholdersNameNoOne)
{
    EXPECT_FALSE(clean_author_name("Written By", context()));
    EXPECT_FALSE(clean_author_name("undefined", context()));
    EXPECT_FALSE(clean_author_name("The Author", context()));
    EXPECT_FALSE(clean_author_name("https://quillweekly.example/author/jd", context()));
}

TEST(AuthorNames, HandlesAreRefusedExceptOnThreads)
{
    EXPECT_TRUE(is_user_handle("jdoe42"));
    EXPECT_TRUE(is_user_handle("john.doe"));
    EXPECT_TRUE(is_user_handle("brandon-peaktwo"));
    EXPECT_FALSE(is_user_handle("Jane Doe"));
    EXPECT_FALSE(is_user_handle("Sharon"));
    EXPECT_FALSE(clean_author_name("jdoe42", context()));
    EXPECT_EQ(clean_author_name("jdoe42", context(true)).value_or(""), "jdoe42");
}

} // namespace
} // namespace colophon::pagemeta
