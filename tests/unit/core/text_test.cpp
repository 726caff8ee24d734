#include "core/text.h"

#include <gtest/gtest.h>

using namespace colophon::core;

TEST(Text, CollapsesUnicodeSpaces) { EXPECT_EQ(clean_text(" a\xC2\xA0\n\t b  "), "a b"); }
TEST(Text, NfcComposes) { EXPECT_EQ(to_nfc("e\xCC\x81"), "\xC3\xA9"); }
TEST(Text, RepairsInvalidUtf8) { EXPECT_EQ(repair_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b"); }
TEST(Text, DropsControlCharacters) { EXPECT_EQ(repair_utf8(std::string("a\x01" "b", 3)), "ab"); }
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
