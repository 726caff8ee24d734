// The helpers the HTML stages walk a parsed page with.

#include "dom/html_dom.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

namespace colophon::dom::test {
namespace {

constexpr int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;

xmlNode *find_element(xmlNode *root, std::string_view tag)
{
    for (xmlNode *n = root; n; n = next_in_order(n, root))
        if (is_element(n, tag))
            return n;
    return nullptr;
}

TEST(HtmlDom, TextIsCollapsedAcrossInlineElementsAndNoBreakSpaces)
{
    const auto doc =
        parse_html_utf8("<p>  One\xC2\xA0\xC2\xA0<b>two</b>\n\t three </p>", "", parse_options);
    xmlNode *p = find_element(xmlDocGetRootElement(doc.get()), "p");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(text_of(p), "One two three");
    EXPECT_EQ(count_letters(text_of(p)), 11);
}

TEST(HtmlDom, LettersAreCountedWithoutBuildingTheText)
{
    const auto doc = parse_html_utf8(
        "<div>Caf\xC3\xA9 <b>n\xC2\xB0 7</b><script>var x = 1;</script><p>end.</p></div>", "",
        parse_options);
    xmlNode *div = find_element(xmlDocGetRootElement(doc.get()), "div");
    ASSERT_NE(div, nullptr);
    EXPECT_EQ(letters_of(div), count_letters(text_of(div)));
    EXPECT_EQ(letters_of(div), 9);
    EXPECT_EQ(letters_of(div->children), 4); // a text node alone
    // stops once past the bound: more than 3, not necessarily all of them
    EXPECT_GT(letters_of(div, 3), 3);
    EXPECT_LE(letters_of(div, 3), 9);
}

TEST(HtmlDom, AttributesAndHeadingsReadWithoutCopies)
{
    const auto doc = parse_html_utf8("<h3 class=\"Title\" id=\"Main\">x</h3>", "", parse_options);
    xmlNode *h = find_element(xmlDocGetRootElement(doc.get()), "h3");
    ASSERT_NE(h, nullptr);
    EXPECT_TRUE(is_heading(h));
    EXPECT_EQ(heading_level(h), 3);
    EXPECT_EQ(attr_view(h, "class"), "Title");
    EXPECT_FALSE(has_attr(h, "href"));
    EXPECT_EQ(class_and_id(h), "title main");
}

TEST(HtmlDom, DeepTreeIsWalkedWithoutRecursion)
{
    std::string page;
    for (int i = 0; i < 5000; ++i)
        page += "<div>";
    page += "deep";
    const auto doc = parse_html_utf8(page, "", parse_options | XML_PARSE_HUGE);
    xmlNode *root = xmlDocGetRootElement(doc.get());
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(text_of(root), "deep");
}

TEST(HtmlDom, SkippingChildrenLeavesTheSubtreeOut)
{
    const auto doc =
        parse_html_utf8("<div><nav><a>menu</a></nav><p>text</p></div>", "", parse_options);
    xmlNode *root = xmlDocGetRootElement(doc.get());
    xmlNode *nav = find_element(root, "nav");
    ASSERT_NE(nav, nullptr);
    xmlNode *after = next_skipping_children(nav, root);
    while (after && after->type != XML_ELEMENT_NODE)
        after = next_in_order(after, root);
    ASSERT_NE(after, nullptr);
    EXPECT_EQ(tag_of(after), "p");
    remove_node(nav);
    EXPECT_EQ(find_element(root, "a"), nullptr);
}

TEST(HtmlDom, ContentAfterAPrematureEndOfBodyIsBodyContent)
{
    const auto doc =
        parse_html_utf8("<html><head><title>t</title></head><body><p>menu</p></body></html>"
                        "<div><p>The article the page goes on to show.</p></div></body></html>",
                        "", parse_options);
    xmlNode *body = body_with_strays(doc.get());
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(tag_of(body), "body");
    EXPECT_EQ(text_of(body), "menu The article the page goes on to show.");
}

TEST(HtmlDom, ContentBeforeALateBodyComesFirst)
{
    const auto doc =
        parse_html_utf8("<html><div>Before the body tag.</div><body><p>After it.</p></body></html>",
                        "", parse_options);
    xmlNode *body = body_with_strays(doc.get());
    EXPECT_EQ(text_of(body), "Before the body tag. After it.");
}

TEST(HtmlDom, ASecondHtmlElementAfterTheFirstIsBodyContent)
{
    const auto doc = parse_html_utf8(
        "<!DOCTYPE html><html><body><p>Menu.</p></body></html>"
        "<html><head><title>again</title></head><body><div><p>The article.</p></div>"
        "</body></html>",
        "", parse_options);
    EXPECT_EQ(text_of(body_with_strays(doc.get())), "Menu. The article.");
}

TEST(HtmlDom, CharacterReferencesLeftInTextAreDecoded)
{
    EXPECT_EQ(decode_character_references("Maria &amp; Katerina"), "Maria & Katerina");
    EXPECT_EQ(decode_character_references("O&#39;Neil, O&#x2019;Brien, Jos&eacute;"),
              "O'Neil, O\u2019Brien, Jos\u00e9");
    // not references, or references to no character: as written
    EXPECT_EQ(decode_character_references("AT&T; R&D & co; &#0; &#xD800; &nosuch; &#12x;"),
              "AT&T; R&D & co; &#0; &#xD800; &nosuch; &#12x;");
    EXPECT_EQ(decode_character_references("&amp;amp;"), "&amp;"); // one level at a time
}

} // namespace
} // namespace colophon::dom::test
