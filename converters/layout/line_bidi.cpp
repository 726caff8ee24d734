#include "line_bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

namespace colophon::layout {

namespace {

struct BidiClose
{
    void operator()(UBiDi* b) const { ubidi_close(b); }
};
using BidiPtr = std::unique_ptr<UBiDi, BidiClose>;

bool is_rtl(UChar32 c)
{
    const auto d = u_charDirection(c);
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

bool is_ltr(UChar32 c) { return u_charDirection(c) == U_LEFT_TO_RIGHT; }

// Every code point of a right-to-left script is at least U+0590: two-byte UTF-8 from 0xD6 on,
// and longer sequences. A line of ASCII and Latin or Cyrillic letters is passed over at once.
bool may_hold_rtl(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xD6; });
}

// The line as it stands on the page, UTF-16 for ICU, with the word each unit came from (-1 for
// the spaces between words).
struct VisualText
{
    std::u16string text;
    std::vector<int> word_of;
    int rtl = 0, ltr = 0; // strong letters of each direction
};

VisualText visual_text(const TextLine& line, bool letters_visual)
{
    VisualText v;
    for (std::size_t w = 0; w < line.words.size(); ++w) {
        const LineWord& word = line.words[w];
        if (w > 0 && word.space_before) {
            v.text.push_back(u' ');
            v.word_of.push_back(-1);
        }
        // OCR words spell their letters in reading order already: each takes part in the
        // reordering as one letter of its direction (or as a number), so the word moves as a whole.
        std::u16string units;
        const auto* p = reinterpret_cast<const uint8_t*>(word.text.data());
        const auto n = static_cast<int32_t>(word.text.size());
        int32_t i = 0;
        UChar32 first_strong = 0;
        bool digits = false;
        while (i < n) {
            UChar32 c = 0;
            U8_NEXT(p, i, n, c);
            if (c < 0)
                c = 0xFFFD;
            if (is_rtl(c))
                ++v.rtl;
            else if (is_ltr(c))
                ++v.ltr;
            if (first_strong == 0 && (is_rtl(c) || is_ltr(c)))
                first_strong = c;
            digits = digits || u_isdigit(c);
            if (letters_visual) {
                if (U16_LENGTH(c) == 1) {
                    units.push_back(static_cast<char16_t>(c));
                } else {
                    units.push_back(static_cast<char16_t>(U16_LEAD(c)));
                    units.push_back(static_cast<char16_t>(U16_TRAIL(c)));
                }
            }
        }
        if (!letters_visual)
            units = first_strong != 0 ? std::u16string(1, is_rtl(first_strong) ? u'\u05D0' : u'a')
                                      : std::u16string(1, digits ? u'0' : u'.');
        v.text += units;
        v.word_of.insert(v.word_of.end(), units.size(), static_cast<int>(w));
    }
    return v;
}

} // namespace

void put_in_logical_order(TextLine& line, bool letters_visual)
{
    if (line.words.empty() || std::none_of(line.words.begin(), line.words.end(),
                                           [](const LineWord& w) { return may_hold_rtl(w.text); }))
        return;
    const VisualText v = visual_text(line, letters_visual);
    if (v.rtl == 0)
        return;

    // 1. the inverse algorithm: which unit of the page's order comes at each place of the
    // reading order; the line reads right to left when most of its letters do. Numbers are
    // taken as left-to-right runs: on the page "SHA-256" and "40,000" read left to right inside
    // right-to-left text, and must stay whole.
    UErrorCode err = U_ZERO_ERROR;
    const auto len = static_cast<int32_t>(v.text.size());
    const BidiPtr bidi(ubidi_openSized(len, 0, &err));
    if (U_FAILURE(err))
        return;
    ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_NUMBERS_AS_L);
    const UBiDiLevel level = v.rtl >= v.ltr ? 1 : 0;
    ubidi_setPara(bidi.get(), v.text.data(), len, level, nullptr, &err);
    std::vector<int32_t> from(static_cast<std::size_t>(len));
    ubidi_getVisualMap(bidi.get(), from.data(), &err);
    if (U_FAILURE(err))
        return;

    // 2. each word at the place of its first unit in reading order, its letters in that order
    const std::size_t n = line.words.size();
    std::vector<int> first(n, len);
    std::vector<std::u16string> letters(n);
    for (int32_t k = 0; k < len; ++k) {
        const int32_t at = from[static_cast<std::size_t>(k)];
        if (at < 0 || at >= len)
            continue;
        const int w = v.word_of[static_cast<std::size_t>(at)];
        if (w < 0)
            continue;
        first[static_cast<std::size_t>(w)] = std::min(first[static_cast<std::size_t>(w)], static_cast<int>(k));
        letters[static_cast<std::size_t>(w)].push_back(v.text[static_cast<std::size_t>(at)]);
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return first[a] < first[b]; });

    // 3. the words in that order; two words that stood side by side keep the gap between them
    std::vector<LineWord> words;
    words.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        LineWord w = line.words[order[k]];
        if (letters_visual) {
            std::string text;
            const std::u16string& u = letters[order[k]];
            for (std::size_t i = 0; i < u.size();) {
                UChar32 c = 0;
                U16_NEXT(u.data(), i, u.size(), c);
                char buf[U8_MAX_LENGTH];
                int32_t m = 0;
                U8_APPEND_UNSAFE(buf, m, c);
                text.append(buf, static_cast<std::size_t>(m));
            }
            w.text = std::move(text);
        }
        if (k == 0) {
            w.space_before = false;
        } else {
            const std::size_t a = order[k - 1], b = order[k];
            const std::size_t right = std::max(a, b);
            w.space_before = std::max(a, b) - std::min(a, b) == 1 ? line.words[right].space_before : true;
        }
        words.push_back(std::move(w));
    }
    line.words = std::move(words);
}

} // namespace colophon::layout
