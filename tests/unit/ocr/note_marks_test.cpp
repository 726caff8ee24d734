#include "ocr/note_marks.h"

#include <gtest/gtest.h>

namespace colophon::ocr {
namespace {

// Glyphs of one word, 20 px wide each, from x = 0; `raised` ones sit high (a superscript).
std::vector<Glyph> glyphs(const std::vector<std::string>& texts)
{
    std::vector<Glyph> out;
    int x = 0;
    for (const std::string& t : texts) {
        out.push_back({t, x, 0, x + 20, 40});
        x += 20;
    }
    return out;
}

TEST(NoteMarks, TrailingMarkIsSplitOffItsHost)
{
    // "own²": the mark blob spans the last glyph.
    const MarkSplit s = split_mark_glyphs(glyphs({"o", "w", "n", "2"}), {{}, 62, 0, 78, 20}, false);
    EXPECT_EQ(s.host.text, "own");
    EXPECT_EQ(s.mark, "2");
    EXPECT_EQ(s.host.r, 60);
}

TEST(NoteMarks, FullStopUnderAMarkSetCloseStaysWithTheHost)
{
    // "capital.²" with the mark kerned over the full stop: the stop's centre lies in the mark's
    // span, but a full stop sits on the baseline and is the host's (it was lost before).
    const MarkSplit s = split_mark_glyphs(glyphs({"c", "a", "p", "i", "t", "a", "l", ".", "2"}),
                                          {{}, 145, 0, 178, 20}, false);
    EXPECT_EQ(s.host.text, "capital.");
    EXPECT_EQ(s.mark, "2");
    const MarkSplit comma = split_mark_glyphs(glyphs({"y", "e", "s", ",", "3"}), {{}, 65, 0, 98, 20}, false);
    EXPECT_EQ(comma.host.text, "yes,");
    EXPECT_EQ(comma.mark, "3");
}

TEST(NoteMarks, MarkMisreadAsPunctuationIsDroppedFromTheHost)
{
    // Tesseract read "own.¹" as "own.!" and put the "!" outside the mark's box.
    const MarkSplit s = split_mark_glyphs(glyphs({"o", "w", "n", ".", "!"}), {{}, 101, 0, 110, 20}, false);
    EXPECT_EQ(s.host.text, "own.");
    EXPECT_EQ(s.mark, "");
}

TEST(NoteMarks, LeadingMarkIsSplitOffTheNoteText)
{
    const MarkSplit s = split_mark_glyphs(glyphs({"1", "F", "i", "g"}), {{}, 0, 0, 15, 20}, true);
    EXPECT_EQ(s.mark, "1");
    EXPECT_EQ(s.host.text, "Fig");
    EXPECT_EQ(s.host.l, 20);
}

} // namespace
} // namespace colophon::ocr
