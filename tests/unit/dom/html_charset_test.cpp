// How the bytes of a page are read as UTF-8: byte-order mark, the page's own declaration,
// detection.

#include "dom/html_charset.h"

#include <gtest/gtest.h>
#include <iconv.h>

namespace colophon::dom::test {
namespace {

// `utf8` re-encoded as Windows-1251, the way an older Russian or Belarusian site serves it.
std::string to_cp1251(std::string utf8)
{
    iconv_t cd = iconv_open("WINDOWS-1251", "UTF-8");
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string bytes(utf8.size(), '\0');
    char *src = utf8.data();
    char *dst = bytes.data();
    std::size_t src_left = utf8.size(), dst_left = bytes.size();
    EXPECT_NE(iconv(cd, &src, &src_left, &dst, &dst_left), static_cast<std::size_t>(-1));
    iconv_close(cd);
    bytes.resize(bytes.size() - dst_left);
    return bytes;
}

TEST(HtmlCharset, DetectsUndeclaredCp1251)
{
    const std::string bytes =
        to_cp1251("<p>Минский диалог: международные отношения, безопасность и экономика в "
                  "регионе Восточной Европы. Эксперты обсуждают последствия санкций.</p>");
    const DecodedHtml dec = decode_html(bytes);
    EXPECT_EQ(dec.how, "detected");
    EXPECT_NE(dec.utf8().find("Минский диалог"), std::string::npos) << dec.charset;
}

TEST(HtmlCharset, BomWinsAndIsRemoved)
{
    const DecodedHtml dec = decode_html("\xEF\xBB\xBF<p>caf\xC3\xA9</p>");
    EXPECT_EQ(dec.how, "bom");
    EXPECT_EQ(dec.utf8(), "<p>caf\xC3\xA9</p>");
}

TEST(HtmlCharset, DeclaredLatin1ReadAsWindows1252)
{
    EXPECT_EQ(declared_charset(
                  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
              "WINDOWS-1252");
    const DecodedHtml dec = decode_html("<meta charset=iso-8859-1><p>caf\xE9 \x93quoted\x94</p>");
    EXPECT_NE(dec.utf8().find("café “quoted”"), std::string::npos);
}

TEST(HtmlCharset, UnusableBytesAreRepairedNotRefused)
{
    const DecodedHtml dec = decode_html("<meta charset=utf-8><p>caf\xC3 au lait</p>");
    EXPECT_TRUE(dec.repaired);
    EXPECT_NE(dec.utf8().find("\xEF\xBF\xBD"), std::string::npos);
}

} // namespace
} // namespace colophon::dom::test
