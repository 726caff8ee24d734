#include "layout/furniture.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

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

TEST(Furniture, OcrPageNumbersWithLetterLookAlikes)
{
    EXPECT_TRUE(looks_like_page_number("Page l of 2", true));
    EXPECT_TRUE(looks_like_page_number("Page 2 of l", true));
    EXPECT_TRUE(looks_like_page_number("1O", true));
    EXPECT_TRUE(looks_like_page_number("— I2 —", true));
    // only on OCR text, and only where the whole line still reads as a page number
    EXPECT_FALSE(looks_like_page_number("Page l of 2", false));
    EXPECT_FALSE(looks_like_page_number("Page lo of the report", true));
    EXPECT_FALSE(looks_like_page_number("lol", true));
    EXPECT_FALSE(looks_like_page_number("I think so", true));
}

TEST(Furniture, OcrVariantsOfOneRunningLineMatch)
{
    const std::string a = furniture_signature("Aurelian Trade Observatory | Working Paper No. 43");
    const std::string b = furniture_signature("Aurelian Trade 0bservatory | Worklng Paper No. 43");
    const std::string c = furniture_signature("Aurelian Trade Observatory ! Working Paper N0. 43");
    EXPECT_TRUE(same_running_line(a, b, true));
    EXPECT_TRUE(same_running_line(a, c, true));
    // born-digital text repeats exactly; a few differing characters are a different line
    EXPECT_FALSE(same_running_line(a, b, false));
    // different lines stay apart even in OCR text
    EXPECT_FALSE(same_running_line(furniture_signature("Chapter one: the harbour"),
                                   furniture_signature("Chapter two: the railway"), true));
    EXPECT_FALSE(same_running_line("ab#", "ac#", true)); // too short to judge
    EXPECT_TRUE(same_running_line(a, a, false));
}

namespace {

TextLine make_line(const std::string& text, double y, double size = 9)
{
    TextLine l;
    l.box = {72, y, 72 + 0.5 * size * static_cast<double>(text.size()), y + size};
    l.frame = {72, 40, 540, 760};
    l.size = size;
    std::string word;
    bool first = true;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (!word.empty()) {
                LineWord w;
                w.text = word;
                w.size = size;
                w.space_before = !first;
                l.words.push_back(w);
            }
            first = false;
            word.clear();
        } else {
            word += text[i];
        }
    }
    return l;
}

PageLines ocr_page(int n, const std::string& header, const std::string& number)
{
    PageLines p;
    p.page = n;
    p.width = 612;
    p.height = 792;
    p.from_ocr = true;
    // header and number close enough to the text that only repetition and pattern tell them apart
    p.lines.push_back(make_line(header, 72));
    // body lines differ from page to page, as prose does
    const std::vector<std::string> prose{
        "Municipalities along the corridor have seen heavy traffic without more revenue",
        "There is also a regional dimension that national debates tend to overlook today",
        "At some crossings clearance takes less than two hours while at others it takes days",
        "Ministers have tended to measure success by the number of agreements they signed",
        "Pilot schemes for processing before arrival have cut waiting times where tried",
        "Carriers that submit incomplete declarations impose costs on everyone in the queue",
        "The council has published ambitious targets but its capacity remains too limited",
        "Simplified procedures for small consignments would have an outsized effect on trade",
        "Decarbonisation commitments assume a modal shift that has not yet materialised"};
    for (int i = 0; i < 40; ++i)
        p.lines.push_back(make_line(prose[static_cast<std::size_t>((n - 1) * 3 + i) % prose.size()], 90 + 15.0 * i, 11));
    p.lines.push_back(make_line(number, 700));
    return p;
}

} // namespace

TEST(Furniture, OcrMisreadsOfRunningHeadersAndPageNumbersAreFurniture)
{
    const std::vector<PageLines> pages{
        ocr_page(1, "Lindqvist Foundation | Working Paper No. 4 Bottlenecks on the Baltic Crest...", "Page l of 3"),
        ocr_page(2, "Lindqvlst Foundatlon | Working Paper No. 4 Bottlenecks on the Baltic Crest. . .", "Page 2 of 3"),
        ocr_page(3, "Lindqvist Foundation ! Working Paper N0. 4 Bottlenecks on tbe Baltic Crest...", "Page 3 of 3"),
    };
    const auto furniture = find_furniture(pages, 11);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        EXPECT_TRUE(furniture[p].front()) << "header of page " << p + 1;
        EXPECT_TRUE(furniture[p].back()) << "page number of page " << p + 1;
        for (std::size_t i = 1; i + 1 < pages[p].lines.size(); ++i)
            ASSERT_FALSE(furniture[p][i]) << "body line " << i << " of page " << p + 1;
    }
    // the same pages as born-digital text: the misread header no longer repeats exactly
    std::vector<PageLines> digital = pages;
    for (auto& p : digital)
        p.from_ocr = false;
    const auto strict = find_furniture(digital, 11);
    EXPECT_FALSE(strict[1].front());
    EXPECT_FALSE(strict[0].back()); // "Page l of 3"
}

TEST(Furniture, LetterlessOcrSpeckAtThePageEdgeIsFurniture)
{
    std::vector<PageLines> pages{ocr_page(1, "Annual Review", "7")};
    pages[0].lines.insert(pages[0].lines.begin() + 1, make_line(". .", 80));
    const auto furniture = find_furniture(pages, 11);
    EXPECT_TRUE(furniture[0][1]);
    pages[0].from_ocr = false;
    EXPECT_FALSE(find_furniture(pages, 11)[0][1]);
}

namespace {

// One page built from (y, text, size) lines through the real line builder.
PageLines web_page(const std::vector<std::tuple<double, std::string, double>>& rows)
{
    colophon::testing::PageMaker pm(1);
    for (const auto& [y, text, size] : rows)
        pm.line(57, y, text, {size, false, false});
    PageLines pl;
    pl.page = 1;
    pl.width = 612;
    pl.height = 792;
    pl.lines = build_lines(pm.page());
    return pl;
}

std::vector<std::string> furniture_texts(const PageLines& pl)
{
    std::vector<std::string> out;
    const auto flags = find_furniture({pl}, 11);
    for (std::size_t i = 0; i < pl.lines.size(); ++i)
        if (flags[0][i])
            out.push_back(pl.lines[i].text());
    return out;
}

} // namespace

TEST(Furniture, NavigationBarAndTheMastheadAboveItAreFurnitureOnASinglePage)
{
    const PageLines pl = web_page({{40, "The Estmark Observer", 20},
                                   {66, "WORLD \u00b7 ECONOMY \u00b7 TRADE \u00b7 ENERGY \u00b7 OPINION", 9},
                                   {84, "Why the river basin strategy is stalling", 24},
                                   {120, "Body text of the article starts here and runs on for a while.", 11},
                                   {134, "More body text of the article follows on the next line here.", 11}});
    EXPECT_EQ(furniture_texts(pl), (std::vector<std::string>{"The Estmark Observer",
                                                              "WORLD \u00b7 ECONOMY \u00b7 TRADE \u00b7 ENERGY \u00b7 OPINION"}));
}

TEST(Furniture, RunningHeaderWithNumbersIsNoNavigationBar)
{
    const PageLines pl = web_page({{40, "Trade Review | Vol. 3 | No. 2 | Spring 2021", 9},
                                   {52, "Why the river basin strategy is stalling", 11},
                                   {66, "Body text of the article starts here and runs on for a while.", 11}});
    EXPECT_TRUE(furniture_texts(pl).empty());
}

TEST(Furniture, CopyrightNoticeIsFurnitureUnlessItsParagraphRunsOn)
{
    const PageLines pl = web_page({{300, "Body text of the article ends here with a full sentence.", 11},
                                   {330, "\u00a9 2025 The Estmark Observer. All rights reserved.", 8},
                                   {500, "Copyright \u00a9 2010 A. Author et al. This is an open access article distributed", 8},
                                   {510, "under the Creative Commons Attribution License, which permits use.", 8}});
    EXPECT_EQ(furniture_texts(pl), (std::vector<std::string>{"\u00a9 2025 The Estmark Observer. All rights reserved."}));
}

// OCR reads a small "\u00a9" as a speck and drops it (pdf-gen2 scan_cr03 leaked its footer): the
// notice is still known by its year and the reservation; a sentence that only mentions rights is
// not.
TEST(Furniture, CopyrightNoticeWithoutItsSign)
{
    const PageLines pl = web_page(
        {{300, "Body text of the article ends here with a full sentence.", 11},
         {330, "2022 Frontier Economics Daily. All rights reserved.", 8},
         {400, "In 2022 the courts held that all rights reserved by the treaty lapse.", 11}});
    EXPECT_EQ(furniture_texts(pl),
              (std::vector<std::string>{"2022 Frontier Economics Daily. All rights reserved."}));
}

TEST(Furniture, OtherHalfOfARepeatedRunningHeaderIsFurniture)
{
    // page 1 prints only the series; page 2 adds the short title on the same baseline, over the
    // other column
    std::vector<PageLines> pages;
    for (int p = 1; p <= 2; ++p) {
        colophon::testing::PageMaker pm(p);
        pm.line(57, 49, "North Sea Research Group | Analysis No. 22", {8, false, false});
        if (p == 2)
            pm.line(425, 49, "After the summit: what comes next\u2026", {8, false, true});
        // two columns: the header's halves fall into one each
        for (int i = 0; i < 20; ++i)
            for (const double x : {57.0, 317.0})
                pm.line(x, 64 + 14.0 * i, std::string(p == 1 ? "First" : "Second") + " page text runs on here",
                        {10.5, false, false});
        PageLines pl;
        pl.page = p;
        pl.width = 612;
        pl.height = 792;
        pl.lines = build_lines(pm.page());
        pages.push_back(std::move(pl));
    }
    const auto flags = find_furniture(pages, 10.5);
    for (std::size_t i = 0; i < pages[1].lines.size(); ++i)
        EXPECT_EQ(flags[1][i], pages[1].lines[i].box.y0 < 60) << pages[1].lines[i].text();
}
