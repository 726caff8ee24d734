#include "core/dates.h"

#include <gtest/gtest.h>

using colophon::core::find_date;
using colophon::core::parse_date;

namespace {
std::string iso_of(std::string_view text, std::string_view lang = {})
{
    const auto d = parse_date(text, lang);
    return d ? d->iso : "none";
}
} // namespace

TEST(Dates, YearFirstWithMonthName)
{
    EXPECT_EQ(iso_of("2023 Jan 7"), "2023-01-07");
    EXPECT_EQ(iso_of("2023, January 7th"), "2023-01-07");
}
TEST(Dates, LongTimestampIsItsDay)
{
    EXPECT_EQ(iso_of("2025-09-09T13:00:54.304727-04:00"), "2025-09-09");
}
TEST(Dates, DottedDayMonthYear) { EXPECT_EQ(iso_of("16.03.2023"), "2023-03-16"); }
TEST(Dates, SlashedDayFirstWhenDayAboveTwelve) { EXPECT_EQ(iso_of("16/03/2023"), "2023-03-16"); }
TEST(Dates, SlashedMonthFirstInUsEnglish) { EXPECT_EQ(iso_of("03/04/2023", "en-US"), "2023-03-04"); }
TEST(Dates, SlashedDayFirstInBritishEnglish) { EXPECT_EQ(iso_of("03/04/2023", "en-GB"), "2023-04-03"); }
TEST(Dates, SlashedDayFirstInRussian) { EXPECT_EQ(iso_of("03/04/2023", "ru"), "2023-04-03"); }
TEST(Dates, MonthNameFirst) { EXPECT_EQ(iso_of("March 16, 2023"), "2023-03-16"); }
TEST(Dates, AbbreviatedMonthWithOrdinal) { EXPECT_EQ(iso_of("Mar. 16th, 2023"), "2023-03-16"); }
TEST(Dates, DayFirstMonthName) { EXPECT_EQ(iso_of("16 March 2023"), "2023-03-16"); }
TEST(Dates, IsoWithTime) { EXPECT_EQ(iso_of("2023-03-16T10:15:00+02:00"), "2023-03-16"); }
TEST(Dates, RussianGenitiveMonth) { EXPECT_EQ(iso_of("16 марта 2023 г."), "2023-03-16"); }
TEST(Dates, GermanDayWithDot) { EXPECT_EQ(iso_of("16. März 2023"), "2023-03-16"); }
TEST(Dates, MonthAndYearOnly) { EXPECT_EQ(iso_of("March 2023"), "2023-03"); }
TEST(Dates, RejectsImpossibleDay) { EXPECT_EQ(iso_of("31.02.2023"), "none"); }
TEST(Dates, RejectsProse) { EXPECT_EQ(iso_of("We met 3 times since the war began in many places of 2019"), "none"); }
TEST(Dates, KeepsPrintedText)
{
    const auto d = parse_date("  16.03.2023 ");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "16.03.2023");
}
TEST(Dates, FindsDateInsideLine)
{
    const auto d = find_date("Published on 16 March 2023 | 5 min read");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->iso, "2023-03-16");
    EXPECT_EQ(d->text, "16 March 2023");
}
