// The trace the HTML converter keeps for the review page: every text block in document order,
// kept, dropped or furniture, with the rule.

#include "core/trace.h"
#include "html/html_converter.h"

#include "html_test_util.h"

#include <gtest/gtest.h>

using namespace colophon;

namespace {

core::Document convert_traced(const std::string &html, bool trace)
{
    html::HtmlConverter conv;
    core::ConvertOptions opts;
    opts.trace = trace;
    core::Diagnostics diags("test.html");
    return conv.convert(core::make_input("test.html", html), opts, diags);
}

const std::string page = R"(<html><head><title>T</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
<article><h1>The Article Title</h1>
<p>The first paragraph of the article is long enough to be running text, with a full stop.</p>
<p>The second paragraph of the article goes on with more words, and it ends the same way.</p>
<p>A third paragraph makes sure the article reads as the main content of this little page.</p>
</article>
<footer><p>Copyright 2024 Example Org. All rights reserved.</p></footer>
</body></html>)";

const core::HtmlTraceBlock *block_with(const core::Document &doc, const std::string &text)
{
    for (const core::HtmlTraceBlock &b : doc.trace->html_blocks)
        if (b.text.find(text) != std::string::npos)
            return &b;
    return nullptr;
}

} // namespace

TEST(HtmlTrace, NothingRecordedUnlessAsked)
{
    EXPECT_EQ(convert_traced(page, false).trace, nullptr);
}

TEST(HtmlTrace, BlocksInDocumentOrderWithTheirVerdicts)
{
    const core::Document doc = convert_traced(page, true);
    ASSERT_NE(doc.trace, nullptr);
    const auto &blocks = doc.trace->html_blocks;
    ASSERT_GE(blocks.size(), 5u);
    const core::HtmlTraceBlock *first = block_with(doc, "The first paragraph");
    const core::HtmlTraceBlock *second = block_with(doc, "The second paragraph");
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_LT(first, second); // document order
    EXPECT_EQ(first->verdict, core::BlockVerdict::Kept);
    EXPECT_EQ(first->tag, "p");
    EXPECT_GT(first->line, 0);
    const core::HtmlTraceBlock *title = block_with(doc, "The Article Title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->verdict, core::BlockVerdict::Kept);
    const core::HtmlTraceBlock *copyright = block_with(doc, "Copyright 2024");
    ASSERT_NE(copyright, nullptr);
    EXPECT_NE(copyright->verdict, core::BlockVerdict::Kept);
    EXPECT_FALSE(copyright->reason.empty());
    const core::HtmlTraceBlock *home = block_with(doc, "Home");
    ASSERT_NE(home, nullptr);
    EXPECT_NE(home->verdict, core::BlockVerdict::Kept);
}

TEST(HtmlTrace, TheTraceChangesNoOutput)
{
    const core::Document with = convert_traced(page, true);
    const core::Document without = convert_traced(page, false);
    ASSERT_EQ(with.body.size(), without.body.size());
    for (std::size_t i = 0; i < with.body.size(); ++i)
        EXPECT_EQ(core::plain_text(with.body[i]), core::plain_text(without.body[i]));
}
