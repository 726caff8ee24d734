#include "pdf/text_layer.h"

#include "core/diagnostics.h"
#include "core/input.h"
#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace colophon;
namespace fs = std::filesystem;

namespace {

const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "pdf";

std::vector<words::Word> words_of(const fs::path& path, int page)
{
    const core::Input input = core::read_input(path.string(), 50u * 1024 * 1024);
    const pdf::TextLayer layer(input.bytes, {}, path.string());
    return layer.words(page).words;
}

const words::Word* find_word(const std::vector<words::Word>& words, std::string_view text)
{
    const auto it = std::find_if(words.begin(), words.end(), [&](const words::Word& w) { return w.text == text; });
    return it == words.end() ? nullptr : &*it;
}

} // namespace

TEST(TextLayer, WordsCarryBoxesFontsAndStyles)
{
    const auto words = words_of(samples / "one-column" / "input.pdf", 1);
    ASSERT_GT(words.size(), 100u);
    for (const words::Word& w : words) {
        EXPECT_EQ(w.text.find(' '), std::string::npos) << w.text;
        EXPECT_TRUE(core::is_valid_utf8(w.text)) << w.text;
        EXPECT_LT(w.box.x0, w.box.x1) << w.text;
        EXPECT_LT(w.box.y0, w.box.y1) << w.text;
        EXPECT_GT(w.size, 0) << w.text;
        EXPECT_EQ(w.font.find('+'), std::string::npos) << "subset tag kept: " << w.font;
    }
    // "*Nothing* in the charter": an italic run is its own word in an italic font
    const words::Word* nothing = find_word(words, "Nothing");
    ASSERT_NE(nothing, nullptr);
    EXPECT_TRUE(nothing->italic);
    const words::Word* in = find_word(words, "charter");
    ASSERT_NE(in, nullptr);
    EXPECT_FALSE(in->italic);
    // the title is set larger than the body
    const words::Word* why = find_word(words, "Why");
    ASSERT_NE(why, nullptr);
    EXPECT_GT(why->size, in->size * 1.2);
}

TEST(TextLayer, NoteMarkGluedToItsWordIsItsOwnWord)
{
    const auto words = words_of(samples / "one-column" / "input.pdf", 1);
    // "... on its own.^[note]": the superscript "1" follows "own." without a space
    const auto own = std::find_if(words.begin(), words.end(), [](const words::Word& w) { return w.text == "own."; });
    ASSERT_NE(own, words.end());
    ASSERT_NE(own + 1, words.end());
    const words::Word& mark = *(own + 1);
    EXPECT_EQ(mark.text, "1");
    EXPECT_LT(mark.size, own->size);
    EXPECT_LT(mark.box.y0, own->box.y0); // raised
}

TEST(TextLayer, UnreadableBytesFailClearly)
{
    const std::string garbage = "%PDF-1.4\nthis is not a PDF body at all";
    try {
        const pdf::TextLayer layer(garbage, {}, "garbage.pdf");
        FAIL() << "expected pdf.unreadable";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "pdf.unreadable");
        EXPECT_NE(core::format_diagnostic(e.diagnostic()).find("garbage.pdf"), std::string::npos);
    }
}
