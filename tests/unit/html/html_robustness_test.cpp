// Bad input never crashes or hangs: a clear ConversionError or an empty-but-valid Document.
// The big inputs are generated here, never committed.

#include "html_test_util.h"

#include <gtest/gtest.h>

#include <random>

namespace colophon::html::test {
namespace {

std::string error_code_of(const std::string& bytes)
{
    try {
        convert_html(bytes);
    } catch (const core::ConversionError& e) {
        return e.diagnostic().code;
    }
    return {};
}

TEST(HtmlRobustness, EmptyFileIsAClearError)
{
    EXPECT_EQ(error_code_of(""), "html.empty");
    EXPECT_EQ(error_code_of("  \n\t "), "html.empty");
}

TEST(HtmlRobustness, BinaryJunkIsAClearError)
{
    std::mt19937 rng(42);
    std::string junk(64 * 1024, '\0');
    for (char& c : junk)
        c = static_cast<char>(rng() & 0xFF);
    EXPECT_EQ(error_code_of(junk), "html.binary");
}

TEST(HtmlRobustness, InvalidUtf8IsRepaired)
{
    core::Diagnostics diags;
    const auto d = convert_html("<html><body><article><p>Broken \xC3\x28 bytes \xFF\xFE here in a paragraph that is "
                                "long enough to count as the article text of this page.</p></article></body></html>",
                                &diags);
    const std::string text = body_text(d);
    EXPECT_TRUE(core::is_valid_utf8(text));
    EXPECT_NE(text.find("bytes"), std::string::npos);
}

TEST(HtmlRobustness, PageWithoutTextGivesEmptyDocument)
{
    core::Diagnostics diags;
    const auto d = convert_html("<html><head><title></title></head><body><div><img src=a.png></div></body></html>",
                                &diags);
    EXPECT_TRUE(d.body.empty());
    EXPECT_TRUE(diags.has_warnings());
}

// A page whose one paragraph sits under `depth` nested <div>s, with `after` behind the wrappers.
std::string nested_divs(int depth, const std::string& after = {})
{
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i)
        html += "<div>";
    html += "<p>Deep text at the bottom of the page, written as a full sentence.</p>";
    for (int i = 0; i < depth; ++i)
        html += "</div>";
    return html + after + "</body></html>";
}

TEST(HtmlRobustness, HundredThousandNestedDivs)
{
    const std::string html = nested_divs(100'000);
    core::Diagnostics diags;
    const auto d = convert_html(html, &diags);
    EXPECT_NE(body_text(d).find("Deep text"), std::string::npos);
}

TEST(HtmlRobustness, DeepNestingWithTheLimitLiftedDoesNotRecurse)
{
    // The nesting limit is only a guard: the cleaner, the statistics and the block builder walk
    // wrappers with explicit stacks, so even 100,000 levels kept whole fit the call stack.
    const std::string html =
        nested_divs(100'000, "<p>Closing text after all the wrappers, also written as a full sentence.</p>");
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.limits.max_nesting_depth = 1'000'000;
    core::Diagnostics diags("deep.html");
    const auto d = conv.convert(core::make_input("deep.html", html), opts, diags);
    EXPECT_FALSE(diags.has_warnings()); // nothing was flattened
    EXPECT_NE(body_text(d).find("Deep text"), std::string::npos);
}

TEST(HtmlRobustness, FiftyMegabytePage)
{
    // Big pages are big because of inline data (scripts, data: images) around a long article;
    // 20,000 paragraphs keep the tree large while the test stays fast under the sanitizers.
    std::string html = "<html><head><title>Big</title><script>var state = \"";
    html.append(24u * 1024 * 1024, 'x');
    html += "\";</script></head><body><article>";
    const std::string para = "<p>This paragraph repeats to make a very large page; it has enough words to count as "
                             "text, with a <a href=\"/x\">link</a> and <em>emphasis</em>.</p>\n";
    for (int i = 0; i < 20'000; ++i)
        html += para;
    html += "<img src=\"data:image/png;base64,";
    while (html.size() < 50u * 1024 * 1024)
        html += "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg";
    html += "\"></article></body></html>";
    ASSERT_GE(html.size(), 50u * 1024 * 1024);
    const auto d = convert_html(html);
    EXPECT_EQ(d.body.size(), 20'000u);
}

TEST(HtmlRobustness, UnclosedAndMisnestedMarkup)
{
    const auto d = convert_html("<html><body><article><p>One <b>bold <i>both</b> italic</i><p>Two <table><tr><td>"
                                "cell<p>para in cell that is long enough to be running text for the page.</article>");
    EXPECT_FALSE(d.body.empty());
}

} // namespace
} // namespace colophon::html::test
