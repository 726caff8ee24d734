#include "layout/furniture.h"

#include <gtest/gtest.h>

using namespace colophon::layout;

TEST(Furniture, PageNumberPatterns)
{
    EXPECT_TRUE(looks_like_page_number("7"));
    EXPECT_TRUE(looks_like_page_number("Page 7 of 9"));
    EXPECT_TRUE(looks_like_page_number("\xE2\x80\x94 7 \xE2\x80\x94"));
    EXPECT_TRUE(looks_like_page_number("- 12 -"));
    EXPECT_TRUE(looks_like_page_number("xiv"));
    EXPECT_FALSE(looks_like_page_number("7 reasons to care"));
    EXPECT_FALSE(looks_like_page_number("In 2023 the"));
}

TEST(Furniture, SignatureFoldsDigits)
{
    EXPECT_EQ(furniture_signature("Page 3 of 12"), furniture_signature("Page 4 of 12"));
    EXPECT_NE(furniture_signature("Annual Report"), furniture_signature("Annual Review"));
}
