#include "core/text.h"

#include <gtest/gtest.h>

using namespace colophon::core;

TEST(Text, CollapsesUnicodeSpaces) { EXPECT_EQ(clean_text(" a\xC2\xA0\n\t b  "), "a b"); }
TEST(Text, NfcComposes) { EXPECT_EQ(to_nfc("e\xCC\x81"), "\xC3\xA9"); }
TEST(Text, RepairsInvalidUtf8) { EXPECT_EQ(repair_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b"); }
TEST(Text, DropsControlCharacters) { EXPECT_EQ(repair_utf8(std::string("a\x01" "b", 3)), "ab"); }
TEST(Text, Utf8ValidityAndRepairNeedsSeeEveryByte)
{
    EXPECT_TRUE(is_valid_utf8("plain ASCII, then \xC3\xA9 and \xE2\x80\x94"));
    EXPECT_FALSE(is_valid_utf8("ASCII first, a stray continuation byte \x80 later"));
    EXPECT_FALSE(is_valid_utf8("a lead byte cut short at the end \xE2\x80"));
    EXPECT_FALSE(needs_utf8_repair("tabs\tand\nnew lines\r\n are text, \xC3\xA9 too"));
    EXPECT_TRUE(needs_utf8_repair("a form feed \x0C in ASCII"));
    EXPECT_TRUE(needs_utf8_repair("invalid \xFF after ASCII"));
    EXPECT_TRUE(needs_utf8_repair("a noncharacter \xEF\xBF\xBF"));
}
TEST(Text, LowerCasesCyrillic) { EXPECT_EQ(to_lower("МАРТА"), "марта"); }
TEST(Text, CountsWordsAndLetters)
{
    const TextStats s = text_stats("Two words, 42");
    EXPECT_EQ(s.words, 3);
    EXPECT_EQ(s.letters, 8);
    EXPECT_EQ(s.digits, 2);
}

TEST(Text, EscapeMarkupCoversTextAndAttributes)
{
    EXPECT_EQ(escape_markup("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
    EXPECT_EQ(escape_markup("Caf\xC3\xA9"), "Caf\xC3\xA9");
}
