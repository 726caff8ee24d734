// The day-month order a page's dates are read in.

#include "pagemeta/date_order.h"

#include <gtest/gtest.h>

namespace colophon::pagemeta {
namespace {

TEST(DateOrder, EnglishOnADayFirstCountryDomainReadsDayFirst)
{
    EXPECT_EQ(date_language("en", "https://news.example.co.uk/a"), "en-GB");
    EXPECT_EQ(date_language("", "https://example.com.au/a"), "en-AU");
}

TEST(DateOrder, DeclaredRegionOrOtherLanguageOrGenericDomainStays)
{
    EXPECT_EQ(date_language("en-US", "https://example.co.uk/"), "en-US");
    EXPECT_EQ(date_language("de", "https://example.de/"), "de");
    EXPECT_EQ(date_language("en", "https://example.io/"), "en");
    EXPECT_EQ(date_language("", "https://example.com/"), "");
}

} // namespace
} // namespace colophon::pagemeta
