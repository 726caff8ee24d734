// The review page: self-contained, every kept block with its role, boxes where layout put them,
// an HTML page's blocks with their verdicts, metadata and warnings beside them.

#include "review/review_page.h"

#include <gtest/gtest.h>

#include <regex>

using namespace colophon;

namespace {

core::Document sample_document()
{
    core::Document doc;
    doc.meta.title = "A Study <of> Things";
    doc.meta.authors = {{"Jane Doe", "Example University", ""}};
    doc.meta.date = {"2023-03-16", "16 March 2023"};
    doc.meta.publisher = "Example Institute";
    doc.meta.original_source = {"Daily Monitor", "https://example.org/dm",
                                "Originally published in Daily Monitor"};
    core::Block h;
    h.kind = core::BlockKind::Heading;
    h.level = 1;
    h.content = {core::Inline::make_text("Introduction")};
    core::Block p;
    p.content = {core::Inline::make_text("The first paragraph.")};
    p.source.page = 1;
    doc.body = {h, p};
    core::Note n;
    n.id = "fn1";
    n.label = "1";
    core::Block nb;
    nb.content = {core::Inline::make_text("A note about things.")};
    n.blocks = {nb};
    doc.notes = {n};
    doc.extraction.method = "pdf-text+ocr";
    doc.extraction.page_count = 2;
    doc.extraction.ocr_pages = {{2, 61.5, true, {}}};
    return doc;
}

std::size_t count(const std::string &hay, const std::string &needle)
{
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace

TEST(ReviewPage, PdfPagesWithBoxesAndOcrConfidence)
{
    core::Document doc = sample_document();
    doc.trace = std::make_shared<core::ConversionTrace>();
    doc.trace->pages = {{1, 600, 800, false}, {2, 600, 800, true}};
    doc.trace->boxes = {
        {1, {60, 80, 300, 100}, core::TraceRole::Title, "A Study"},
        {1, {60, 200, 540, 400}, core::TraceRole::Paragraph, "The first paragraph."},
        {2, {60, 760, 540, 780}, core::TraceRole::PageNumber, "2"}};
    review::ReviewInput in;
    in.id = "shelf/report.pdf";
    in.source_name = "shelf/report.pdf";
    in.doc = &doc;
    in.pages = {{1, 50, 67, "PNG1"}, {2, 50, 67, "PNG2"}};
    in.diagnostics = {
        {core::Severity::Warning, "layout.no-title", "no title found", "x", 2, {}},
        {core::Severity::Info, "pdf.ocr-pages", "OCR ran on 1 of 2 pages", "x", {}, {}}};
    const std::string html = review::build_review_page(in);

    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_EQ(count(html, "<figure class=\"page\""), 2u);
    EXPECT_EQ(count(html, "src=\"data:image/png;base64,"), 2u);
    EXPECT_NE(html.find("data:image/png;base64,UE5HMQ=="), std::string::npos); // "PNG1"
    // the title box: 60/600 = 10%, 80/800 = 10%, 240/600 = 40%, 20/800 = 2.5%
    EXPECT_NE(
        html.find(
            "class=\"box r-title\" data-role=\"title\" style=\"left:10.00%;top:10.00%;width:40.00%;"
            "height:2.50%\""),
        std::string::npos);
    EXPECT_NE(html.find("data-role=\"page-number\""), std::string::npos);
    EXPECT_NE(html.find("data-ocr-confidence=\"61.50\""), std::string::npos);
    EXPECT_NE(html.find("(low)"), std::string::npos);
    // metadata beside, escaped
    EXPECT_NE(html.find("A Study &lt;of&gt; Things"), std::string::npos);
    EXPECT_NE(html.find("Example University"), std::string::npos);
    EXPECT_NE(html.find("Originally published in Daily Monitor"), std::string::npos);
    // warnings, not the INFO lines
    EXPECT_NE(html.find("data-code=\"layout.no-title\""), std::string::npos);
    EXPECT_EQ(html.find("OCR ran on 1 of 2 pages"), std::string::npos);
    // every kept block with its role
    EXPECT_NE(html.find("data-role=\"heading\"><span class=\"role\">heading 1</span>Introduction"),
              std::string::npos);
    EXPECT_NE(html.find("data-role=\"paragraph\" data-page=\"1\"><span "
                        "class=\"role\">paragraph</span>The first"),
              std::string::npos);
    EXPECT_NE(html.find("data-role=\"footnote\" data-note=\"fn1\""), std::string::npos);
    // the verdict: the command and two downloadable files
    EXPECT_NE(html.find("review --mark shelf/report.pdf accepted|rejected"), std::string::npos);
    EXPECT_NE(html.find("download=\"shelf/report.pdf.accepted.tsv\""), std::string::npos);
}

TEST(ReviewPage, SelfContainedAndResponsive)
{
    const core::Document doc = sample_document();
    review::ReviewInput in;
    in.id = "a";
    in.doc = &doc;
    const std::string html = review::build_review_page(in);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
    EXPECT_NE(html.find("@media (min-width:1000px)"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(ReviewPage, HtmlBlocksWithVerdictsPageTypeAndFallback)
{
    core::Document doc = sample_document();
    doc.extraction = {};
    doc.extraction.method = "html-wider";
    doc.extraction.page_type = "forum";
    doc.trace = std::make_shared<core::ConversionTrace>();
    doc.trace->html_blocks = {
        {"li", "Home", core::BlockVerdict::Furniture, "nav", 3},
        {"p", "The first paragraph.", core::BlockVerdict::Kept, "body", 9},
        {"p", "Share <this>", core::BlockVerdict::Dropped, "outside the main content", 12}};
    review::ReviewInput in;
    in.id = "page.html";
    in.doc = &doc;
    const std::string html = review::build_review_page(in);
    EXPECT_EQ(html.find("<figure class=\"page\""), std::string::npos);
    EXPECT_NE(html.find("data-page-type=\"forum\""), std::string::npos);
    EXPECT_NE(html.find("data-method=\"html-wider\">html-wider</b> (fallback step)"),
              std::string::npos);
    EXPECT_NE(html.find("1 kept · 1 dropped · 1 furniture"), std::string::npos);
    const auto home = html.find("data-verdict=\"furniture\" data-reason=\"nav\"");
    const auto kept = html.find("data-verdict=\"kept\" data-reason=\"body\"");
    const auto share = html.find("Share &lt;this&gt;");
    ASSERT_NE(home, std::string::npos);
    ASSERT_NE(kept, std::string::npos);
    ASSERT_NE(share, std::string::npos);
    EXPECT_LT(home, kept);
    EXPECT_LT(kept, share);
    EXPECT_NE(html.find("line 12"), std::string::npos);
}

TEST(ReviewPage, DeterministicAndRefusesNoDocument)
{
    const core::Document doc = sample_document();
    review::ReviewInput in;
    in.id = "a";
    in.doc = &doc;
    EXPECT_EQ(review::build_review_page(in), review::build_review_page(in));
    in.doc = nullptr;
    EXPECT_THROW(review::build_review_page(in), std::invalid_argument);
}
