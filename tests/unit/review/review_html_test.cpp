#include "review/review_html.h"

#include <gtest/gtest.h>

using namespace colophon::review;

TEST(ReviewHtml, EscapesMarkupAndQuotes)
{
    EXPECT_EQ(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
    EXPECT_EQ(escape("plain"), "plain");
}

TEST(ReviewHtml, Base64OfEveryPaddingLength)
{
    EXPECT_EQ(base64(""), "");
    EXPECT_EQ(base64("f"), "Zg==");
    EXPECT_EQ(base64("fo"), "Zm8=");
    EXPECT_EQ(base64("foo"), "Zm9v");
    EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64(std::string("\xff\x00\x10", 3)), "/wAQ");
}

TEST(ReviewHtml, PercentHasTwoDecimalsAndNoNan)
{
    EXPECT_EQ(percent(12.345), "12.35");
    EXPECT_EQ(percent(0.0 / 0.0), "0.00");
}
