#include "ocr_decision.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

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

std::vector<UChar32> decode(std::string_view s)
{
    std::vector<UChar32> out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? 0xFFFD : c);
    }
    return out;
}

bool is_unmapped(UChar32 c)
{
    if (c == 0xFFFD)
        return true;
    const auto cat = u_charType(c);
    if (cat == U_PRIVATE_USE_CHAR || cat == U_UNASSIGNED || cat == U_SURROGATE)
        return true;
    return cat == U_CONTROL_CHAR && c != '\t' && c != '\n' && c != '\r';
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) != 0; }

// Punctuation that may surround a word: brackets, quotes, dashes, sentence marks, note marks.
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

// Common punctuation in prose: edge marks plus the few that sit inside words and numbers.
bool is_prose_punctuation(UChar32 c) { return is_word_edge_mark(c) || c == '/' || c == '&' || c == 0x00AD; }

// Marks that may stand inside a word ("don't", "co-operate", "3.5", "1,000").
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

// A token is a word when, after trimming surrounding punctuation, it holds letters of a single
// script and/or digits with at most a few inner marks; a long ASCII letter run needs a vowel
// (broken font encodings often map glyphs to shifted ASCII letters: "Wkh txlfn").
bool is_word_like(const std::vector<UChar32>& token)
{
    std::size_t b = 0;
    std::size_t e = token.size();
    while (b < e && is_word_edge_mark(token[b]))
        ++b;
    while (e > b && is_word_edge_mark(token[e - 1]))
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
        if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK) {
            UErrorCode err = U_ZERO_ERROR;
            const UScriptCode s = uscript_getScript(c, &err);
            if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) {
                if (script == USCRIPT_INVALID_CODE)
                    script = s;
                else if (s != script)
                    return false;
            }
            ++letters;
            if (c > 0x7F)
                ascii_only = false;
            else if (is_ascii_vowel(c))
                vowel = true;
        } else if (u_isdigit(c)) {
            // digits mix with letters in "20th", "COVID-19"
        } else if (is_word_inner_mark(c)) {
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

PageTextStats measure_page_text(std::string_view text, double ink)
{
    PageTextStats st;
    st.ink = ink;
    const std::vector<UChar32> cps = decode(text);
    std::vector<UChar32> token;
    auto end_token = [&] {
        if (token.empty())
            return;
        bool any_content = false;
        for (const UChar32 c : token)
            any_content = any_content || u_isalnum(c) || !u_ispunct(c);
        if (any_content) {
            ++st.tokens;
            if (is_word_like(token))
                ++st.word_tokens;
        }
        token.clear();
    };
    for (const UChar32 c : cps) {
        if (is_space(c)) {
            end_token();
            continue;
        }
        ++st.codepoints;
        if (is_unmapped(c))
            ++st.unmapped;
        else if (u_isalpha(c)) {
            ++st.letters;
            UErrorCode err = U_ZERO_ERROR;
            if (uscript_getScript(c, &err) == USCRIPT_LATIN) {
                ++st.latin_letters;
                if (c > 0x7F || is_ascii_vowel(c))
                    ++st.latin_vowels;
            }
        } else if (u_isdigit(c))
            ++st.digits;
        else if (!is_prose_punctuation(c))
            ++st.symbols;
        token.push_back(c);
    }
    end_token();
    return st;
}

PageTextStats measure_page_words(const PageWords& page, double ink)
{
    std::string text;
    for (const Word& w : page.words) {
        text += w.text;
        text += ' ';
    }
    return measure_page_text(text, ink);
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
