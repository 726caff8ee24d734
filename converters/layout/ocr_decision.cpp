#include "ocr_decision.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <vector>

namespace colophon::layout {
namespace {

// Below this many letters a page's text layer cannot be its content unless the page is blank
// (scans often keep a stray page number or a stamp in the text layer).
constexpr int min_letters_per_page = 20;
// Ink share under which a page counts as blank: nothing to recognise.
constexpr double blank_ink = 0.002;
// Printed text gives a few hundred characters per percent of ink; far fewer means most of the
// ink is not in the text layer (an image of text). Low so that photo pages with captions pass.
constexpr double min_chars_per_ink_percent = 15;
// Shares of the text that make a layer garbage.
constexpr double max_unmapped_share = 0.10;
constexpr double min_word_share = 0.5;
constexpr int min_tokens_for_word_share = 8;
// Prose has a few percent of symbols; broken encodings give "ÿþ%&#"-like runs.
constexpr double max_symbol_share = 0.25;
// European languages written in Latin letters have 30-45% vowels; text whose glyphs were mapped
// to the wrong letters ("Wkh txlfn eurzq") has far fewer.
constexpr double min_latin_vowel_share = 0.22;
constexpr int min_latin_letters_for_vowels = 100;

// What the measures below ask of a code point, as flags: ICU answers, and for ASCII (most of
// the text of most layers) a table filled from the same ICU answers answers without a lookup.
enum CharFlag : std::uint16_t
{
    Space = 1 << 0,
    Unmapped = 1 << 1,   // replacement character, private use, unassigned, control
    Alpha = 1 << 2,
    LetterOrMark = 1 << 3, // letters and non-spacing marks: the stuff of words
    Digit = 1 << 4,
    Alnum = 1 << 5,
    Punct = 1 << 6,
    EdgeMark = 1 << 7,   // punctuation that may surround a word
    ProsePunct = 1 << 8, // edge marks plus the few that sit inside words and numbers
    InnerMark = 1 << 9,  // marks that may stand inside a word ("don't", "3.5", "1,000")
    Latin = 1 << 10,
    AsciiVowel = 1 << 11,
};

bool is_unmapped(UChar32 c)
{
    if (c == 0xFFFD)
        return true;
    const auto cat = u_charType(c);
    if (cat == U_PRIVATE_USE_CHAR || cat == U_UNASSIGNED || cat == U_SURROGATE)
        return true;
    return cat == U_CONTROL_CHAR && c != '\t' && c != '\n' && c != '\r';
}

bool is_word_edge_mark(UChar32 c)
{
    switch (u_charType(c)) {
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_DASH_PUNCTUATION:
        return true;
    default:
        break;
    }
    switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '*': case '%': case '"': case '\'':
    case 0x2026: case 0x2020: case 0x2021: case 0x00A7: case 0x00B6: case 0x00B0: case 0x00B9: case 0x00B2:
    case 0x00B3: case 0x00BF: case 0x00A1:
        return true;
    default:
        return false;
    }
}

bool is_word_inner_mark(UChar32 c)
{
    return c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == ',' || c == 0x00AD || c == 0x2010 ||
           c == 0x2011 || c == '/';
}

bool is_ascii_vowel(UChar32 c)
{
    switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
    }
}

std::uint16_t classify_with_icu(UChar32 c)
{
    std::uint16_t f = 0;
    const bool alpha = u_isalpha(c) != 0;
    const bool edge = is_word_edge_mark(c);
    if (u_isUWhiteSpace(c)) f |= Space;
    if (is_unmapped(c)) f |= Unmapped;
    if (alpha) f |= Alpha;
    if (alpha || u_charType(c) == U_NON_SPACING_MARK) f |= LetterOrMark;
    if (u_isdigit(c)) f |= Digit;
    if (u_isalnum(c)) f |= Alnum;
    if (u_ispunct(c)) f |= Punct;
    if (edge) f |= EdgeMark;
    if (edge || c == '/' || c == '&' || c == 0x00AD) f |= ProsePunct;
    if (is_word_inner_mark(c)) f |= InnerMark;
    UErrorCode err = U_ZERO_ERROR;
    if (alpha && uscript_getScript(c, &err) == USCRIPT_LATIN) f |= Latin;
    if (c < 0x80 && is_ascii_vowel(c)) f |= AsciiVowel;
    return f;
}

std::uint16_t classify(UChar32 c)
{
    static const std::array<std::uint16_t, 128> ascii = [] {
        std::array<std::uint16_t, 128> t{};
        for (UChar32 i = 0; i < 128; ++i)
            t[static_cast<std::size_t>(i)] = classify_with_icu(i);
        return t;
    }();
    return c >= 0 && c < 128 ? ascii[static_cast<std::size_t>(c)] : classify_with_icu(c);
}

// A token is a word when, after trimming surrounding punctuation, it holds letters of a single
// script and/or digits with at most a few inner marks; a long ASCII letter run needs a vowel
// (broken font encodings often map glyphs to shifted ASCII letters: "Wkh txlfn").
bool is_word_like(const std::vector<UChar32>& token, const std::vector<std::uint16_t>& flags)
{
    std::size_t b = 0;
    std::size_t e = token.size();
    while (b < e && (flags[b] & EdgeMark))
        ++b;
    while (e > b && (flags[e - 1] & EdgeMark))
        --e;
    if (b == e)
        return true; // pure punctuation ("—", "...") is neither word nor noise
    UScriptCode script = USCRIPT_INVALID_CODE;
    int letters = 0;
    int marks = 0;
    bool ascii_only = true;
    bool vowel = false;
    for (std::size_t i = b; i < e; ++i) {
        const UChar32 c = token[i];
        const std::uint16_t f = flags[i];
        if (f & LetterOrMark) {
            UScriptCode s = USCRIPT_LATIN;
            if (c > 0x7F) {
                UErrorCode err = U_ZERO_ERROR;
                s = uscript_getScript(c, &err);
            }
            if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) {
                if (script == USCRIPT_INVALID_CODE)
                    script = s;
                else if (s != script)
                    return false;
            }
            ++letters;
            if (c > 0x7F)
                ascii_only = false;
            else if (f & AsciiVowel)
                vowel = true;
        } else if (f & Digit) {
            // digits mix with letters in "20th", "COVID-19"
        } else if (f & InnerMark) {
            ++marks;
        } else {
            return false;
        }
    }
    if (marks > 2 && marks * 2 > static_cast<int>(e - b))
        return false;
    if (ascii_only && letters >= 5 && !vowel)
        return false;
    return true;
}

} // namespace

namespace {

// Counts a text's code points and tokens as they come, without holding the text.
class TextMeter
{
public:
    explicit TextMeter(double ink) { st_.ink = ink; }

    void add(std::string_view s)
    {
        const auto* p = reinterpret_cast<const uint8_t*>(s.data());
        const auto n = static_cast<int32_t>(s.size());
        int32_t i = 0;
        while (i < n) {
            UChar32 c = 0;
            U8_NEXT(p, i, n, c);
            add(c < 0 ? 0xFFFD : c);
        }
    }

    void add(UChar32 c)
    {
        const std::uint16_t f = classify(c);
        if (f & Space) {
            end_token();
            return;
        }
        ++st_.codepoints;
        if (f & Unmapped)
            ++st_.unmapped;
        else if (f & Alpha) {
            ++st_.letters;
            if (f & Latin) {
                ++st_.latin_letters;
                if (c > 0x7F || (f & AsciiVowel))
                    ++st_.latin_vowels;
            }
        } else if (f & Digit)
            ++st_.digits;
        else if (!(f & ProsePunct))
            ++st_.symbols;
        token_.push_back(c);
        token_flags_.push_back(f);
    }

    PageTextStats finish()
    {
        end_token();
        return st_;
    }

private:
    PageTextStats st_;
    std::vector<UChar32> token_;
    std::vector<std::uint16_t> token_flags_;

    void end_token()
    {
        if (token_.empty())
            return;
        bool any_content = false;
        for (const std::uint16_t f : token_flags_)
            any_content = any_content || (f & Alnum) || !(f & Punct);
        if (any_content) {
            ++st_.tokens;
            if (is_word_like(token_, token_flags_))
                ++st_.word_tokens;
        }
        token_.clear();
        token_flags_.clear();
    }
};

} // namespace

PageTextStats measure_page_text(std::string_view text, double ink)
{
    TextMeter meter(ink);
    meter.add(text);
    return meter.finish();
}

PageTextStats measure_page_words(const PageWords& page, double ink)
{
    TextMeter meter(ink);
    for (const Word& w : page.words) {
        meter.add(w.text);
        meter.add(UChar32{' '});
    }
    return meter.finish();
}

OcrDecision decide_ocr(const PageTextStats& st, core::OcrMode mode)
{
    if (mode == core::OcrMode::Never)
        return {};
    if (mode == core::OcrMode::Always)
        return {true, OcrReason::Forced, "OCR requested for every page"};

    const bool ink_known = st.ink >= 0;
    if (ink_known && st.ink < blank_ink && st.letters < min_letters_per_page)
        return {}; // blank or nearly blank page: its few characters are all there is
    if (st.codepoints == 0)
        return {true, OcrReason::NoTextLayer, "no text layer"};

    const double unmapped_share = static_cast<double>(st.unmapped) / st.codepoints;
    if (unmapped_share > max_unmapped_share)
        return {true, OcrReason::GarbledText,
                std::to_string(static_cast<int>(unmapped_share * 100 + 0.5)) +
                    "% of the text layer is unmapped glyphs or replacement characters"};
    const double symbol_share = static_cast<double>(st.symbols) / st.codepoints;
    if (st.codepoints >= 20 && symbol_share > max_symbol_share)
        return {true, OcrReason::GarbledText,
                std::to_string(static_cast<int>(symbol_share * 100 + 0.5)) + "% of the text layer is symbols"};
    if (st.latin_letters >= min_latin_letters_for_vowels &&
        st.latin_vowels < min_latin_vowel_share * st.latin_letters)
        return {true, OcrReason::GarbledText, "the text layer's letters do not form words (too few vowels)"};
    if (st.tokens >= min_tokens_for_word_share) {
        const double word_share = static_cast<double>(st.word_tokens) / st.tokens;
        if (word_share < min_word_share)
            return {true, OcrReason::GarbledText,
                    std::to_string(static_cast<int>((1 - word_share) * 100 + 0.5)) +
                        "% of the text layer's tokens are not words"};
    }
    if (st.letters < min_letters_per_page)
        return {true, OcrReason::TooFewCharacters,
                "only " + std::to_string(st.letters) + " letters in the text layer"};
    if (ink_known && st.codepoints < st.ink * 100 * min_chars_per_ink_percent)
        return {true, OcrReason::TooFewCharacters,
                "text layer has " + std::to_string(st.codepoints) + " characters for " +
                    std::to_string(static_cast<int>(st.ink * 1000 + 0.5) / 10.0).substr(0, 4) +
                    "% ink"};
    return {};
}

std::string_view ocr_reason_code(OcrReason reason)
{
    switch (reason) {
    case OcrReason::None: return "pdf.text-layer-used";
    case OcrReason::Forced: return "ocr.forced";
    case OcrReason::NoTextLayer: return "pdf.no-text-layer";
    case OcrReason::TooFewCharacters: return "pdf.sparse-text-layer";
    case OcrReason::GarbledText: return "pdf.garbled-text-layer";
    }
    return "pdf.text-layer-used";
}

} // namespace colophon::layout
