// Pages stream through LayoutBuilder: a long document with a running header and page numbers
// keeps only a few pages' lines at a time, and still loses its furniture and keeps paragraphs
// (and a word hyphenated across the page break) whole.

#include "layout/furniture.h"
#include "layout/layout_builder.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace colophon;
using namespace colophon::layout;
using colophon::testing::PageMaker;
using colophon::testing::Style;

namespace {

// Prose that differs from line to line and page to page, so only the header repeats.
std::string varied_line(int page, int line, int words = 14)
{
    static const std::vector<std::string> vocabulary{
        "river", "stone", "market", "policy", "harbour", "winter", "treaty", "ledger", "garden", "signal",
        "council", "bridge", "season", "archive", "valley", "engine", "letter", "canvas", "orchard", "plateau",
        "morning", "station", "lantern", "margin", "quarry", "meadow", "voyage", "timber", "cabinet", "compass"};
    unsigned state = static_cast<unsigned>(page) * 7919u + static_cast<unsigned>(line) * 104729u + 17u;
    std::string out;
    for (int i = 0; i < words; ++i) {
        state = state * 1103515245u + 12345u;
        out += (i ? " " : "") + vocabulary[(state >> 16) % vocabulary.size()];
    }
    return out;
}

// Page k: running header, the end of paragraph k-1 (continued from the page before, after a word
// hyphenated across the break), paragraph k opening indented, then body lines to the foot, the
// last one ending "inter-"; a page number at the bottom.
words::PageWords make_page(int k, int n_pages)
{
    const Style small{8, false, false};
    PageMaker pm(k);
    // close enough to the text that only its repetition on other pages marks it as furniture
    pm.line(50, 66, "Quarterly Review of Imaginary Things | Volume 3", small);
    double y = 80;
    if (k == 1) {
        pm.line(50, y, "Streaming Pages Through Layout", {18, true, false});
        y += 30;
    } else {
        pm.line(50, y, "national omega" + std::to_string(k - 1) + " " + varied_line(k, 99, 6) + ".");
        y += 12;
    }
    pm.line(65, y, "alpha" + std::to_string(k) + " " + varied_line(k, 0, 13));
    y += 12;
    for (int i = 1; i < 40; ++i, y += 12)
        pm.line(50, y, varied_line(k, i));
    if (k < n_pages)
        pm.line(50, y, varied_line(k, 40, 13) + " inter-");
    else
        pm.line(50, y, varied_line(k, 40, 13) + " end.");
    pm.line(300, 760, std::to_string(k));
    return pm.page();
}

} // namespace

TEST(LayoutStreaming, LongDocumentHoldsFewPagesAndKeepsParagraphsAcrossPageBreaks)
{
    constexpr int n_pages = 120;
    LayoutBuilder b;
    std::size_t most_held = 0;
    for (int k = 1; k <= n_pages; ++k) {
        b.add_page(make_page(k, n_pages));
        most_held = std::max(most_held, b.pages_held());
        if (k > static_cast<int>(LayoutBuilder::calibration_pages)) {
            EXPECT_LE(b.pages_held(), furniture_window + 1) << "after page " << k;
        }
    }
    EXPECT_LE(most_held, LayoutBuilder::calibration_pages);
    EXPECT_LT(most_held, static_cast<std::size_t>(n_pages));

    core::Diagnostics diags("test");
    const core::Document doc = b.finish(diags);
    EXPECT_EQ(b.pages_held(), 0u);
    EXPECT_EQ(doc.meta.title, "Streaming Pages Through Layout");

    std::vector<std::string> paras;
    for (const auto& block : doc.body) {
        const std::string text = core::plain_text(block);
        EXPECT_EQ(text.find("Quarterly Review"), std::string::npos) << "header left in: " << text;
        if (block.kind == core::BlockKind::Paragraph)
            paras.push_back(text);
    }
    ASSERT_EQ(paras.size(), static_cast<std::size_t>(n_pages));
    for (int k = 1; k <= n_pages; ++k) {
        const std::string& p = paras[static_cast<std::size_t>(k - 1)];
        EXPECT_EQ(p.rfind("alpha" + std::to_string(k) + " ", 0), 0u) << p.substr(0, 80);
        if (k < n_pages) {
            // the paragraph runs on over the page break, header and page number cut out of it
            EXPECT_NE(p.find(" international omega" + std::to_string(k) + " "), std::string::npos)
                << "page " << k << ": ..." << p.substr(p.size() > 200 ? p.size() - 200 : 0);
        }
        EXPECT_EQ(p.find(" " + std::to_string(k + 1) + " "), std::string::npos) << "page number left in page " << k;
    }
}

TEST(LayoutStreaming, ShortDocumentIsHeldWholeUntilFinish)
{
    LayoutBuilder b;
    for (int k = 1; k <= 3; ++k)
        b.add_page(make_page(k, 3));
    // fewer pages than the calibration sample: nothing can be finished before the end
    EXPECT_EQ(b.pages_held(), 3u);
    core::Diagnostics diags("test");
    const core::Document doc = b.finish(diags);
    EXPECT_EQ(b.pages_held(), 0u);
    std::size_t n = 0;
    for (const auto& block : doc.body)
        n += block.kind == core::BlockKind::Paragraph;
    EXPECT_EQ(n, 3u);
}
