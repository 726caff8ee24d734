#include "core/language.h"

#include <gtest/gtest.h>

namespace colophon::core {
namespace {

TEST(LanguageTag, NormalisesCaseSeparatorsAndLists)
{
    EXPECT_EQ(normalise_language_tag("EN_us"), "en-US");
    EXPECT_EQ(normalise_language_tag(" de "), "de");
    EXPECT_EQ(normalise_language_tag("ru-RU, en"), "ru-RU");
    EXPECT_EQ(normalise_language_tag("en;q=0.8"), "en");
    EXPECT_EQ(normalise_language_tag("zh-hant-tw"), "zh-Hant-TW");
    EXPECT_EQ(normalise_language_tag("es-419"), "es-419");
    EXPECT_EQ(normalise_language_tag("x-default"), "x-default");
}

TEST(LanguageTag, RefusesWhatXmlLangCannotCarry)
{
    EXPECT_EQ(normalise_language_tag(""), "");
    EXPECT_EQ(normalise_language_tag("nEntityOfPage"), ""); // a 13-letter "subtag" (found by fuzzing)
    EXPECT_EQ(normalise_language_tag("e"), "");
    EXPECT_EQ(normalise_language_tag("x"), "");
    EXPECT_EQ(normalise_language_tag("12-ab"), "");
    EXPECT_EQ(normalise_language_tag("en--us"), "");
    EXPECT_EQ(normalise_language_tag("en-"), "");
    EXPECT_EQ(normalise_language_tag("fr-abcdefghi"), "");
    EXPECT_EQ(normalise_language_tag("d\xc3\xa9"), "");
}

} // namespace
} // namespace colophon::core
