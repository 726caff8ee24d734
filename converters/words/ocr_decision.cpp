#include "words/ocr_decision.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <vector>

namespace colophon::words {
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
// A text layer in the document's own script (from its declared language) has most of its
// letters in that script. A layer whose glyphs were mapped through the wrong 8-bit code page
// ("Ïðîåêò" for "Проект") has Latin-1 accented letters instead: no language written in Latin
// letters uses them for more than about a quarter of its letters.
constexpr int min_letters_for_script = 100;
constexpr double max_foreign_script_share = 0.95; // letters outside the expected script
constexpr double min_latin1_share_of_mojibake = 0.3;
// Writing systems counted per page (more are only mixed-in names and symbols).
constexpr std::size_t max_scripts_counted = 8;

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
    // Letters and the marks of their script: Hebrew points and Arabic harakat do not space,
    // Devanagari and Bengali vowel signs do.
    const auto type = u_charType(c);
    if (alpha || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK)
        f |= LetterOrMark;
    if (u_isdigit(c)) f |= Digit;
    if (u_isalnum(c)) f |= Alnum;
    if (u_ispunct(c)) f |= Punct;
    if (edge) f |= EdgeMark;
    if (edge || c == '/' || c == '&' || c == 0x00AD) f |= ProsePunct;
    if (is_word_inner_mark(c)) f |= InnerMark;
    // Punctuation outside ASCII is each script's own (the ideographic full stop and comma,
    // the Arabic comma, the Hebrew geresh inside abbreviations): prose, not a broken encoding,
    // whose noise is ASCII symbols and Latin-1 letters.
    if (c >= 0x80 && u_ispunct(c)) f |= EdgeMark | ProsePunct | InnerMark;
    // Joiners and direction marks stand inside Persian, Indic and bidirectional words.
    if (type == U_FORMAT_CHAR) f |= InnerMark;
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

// Scripts that write one language together: Japanese mixes kanji, hiragana and katakana within
// a word, Korean hangul and hanja.
UScriptCode writing_system(UScriptCode s)
{
    switch (s) {
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
        return USCRIPT_HAN;
    default:
        return s;
    }
}

// Scripts written without spaces between words (Chinese, Japanese, Thai...): a line is one
// whitespace token, so a token ends where such a script meets another one or its punctuation.
bool unspaced(UScriptCode s) { return s != USCRIPT_COMMON && s != USCRIPT_INHERITED && uscript_breaksBetweenLetters(s); }

UScriptCode script_of(UChar32 c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? USCRIPT_LATIN : USCRIPT_COMMON;
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(c, &err);
    return U_SUCCESS(err) ? s : USCRIPT_UNKNOWN;
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
            const UScriptCode s = c > 0x7F ? writing_system(script_of(c)) : USCRIPT_LATIN;
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
        UScriptCode script = USCRIPT_COMMON;
        if (f & Alpha) {
            script = c < 0x80 ? USCRIPT_LATIN : script_of(c);
            // an unspaced script's run is a token of its own
            if (!token_.empty() && script != token_script_ && (unspaced(script) || unspaced(token_script_)))
                end_token();
            token_script_ = script;
            count_script(script);
            if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)
                ++st_.kana_letters;
        }
        if (f & Unmapped)
            ++st_.unmapped;
        else if (f & Alpha) {
            ++st_.letters;
            if (f & Latin) {
                ++st_.latin_letters;
                if (c > 0x7F || (f & AsciiVowel))
                    ++st_.latin_vowels;
                if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7)
                    ++st_.latin1_letters;
            }
        } else if (f & Digit)
            ++st_.digits;
        else if (!(f & (ProsePunct | LetterOrMark))) // marks of letters are no symbols
            ++st_.symbols;
        token_.push_back(c);
        token_flags_.push_back(f);
        // punctuation closes a token of an unspaced script ("、" and "。" stand between words)
        if ((f & Punct) && c >= 0x80 && unspaced(token_script_))
            end_token();
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
    UScriptCode token_script_ = USCRIPT_COMMON; // of the token's last letter

    void count_script(UScriptCode s)
    {
        const UScriptCode w = writing_system(s);
        for (ScriptCount& k : st_.scripts) {
            if (k.script == w) {
                ++k.letters;
                return;
            }
        }
        if (st_.scripts.size() < max_scripts_counted)
            st_.scripts.push_back({w, 1});
    }

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
        token_script_ = USCRIPT_COMMON;
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

int language_script(std::string_view language)
{
    if (language.empty())
        return -1;
    std::string tag(language.substr(0, language.find_first_of("-_")));
    UScriptCode codes[4];
    UErrorCode err = U_ZERO_ERROR;
    const int n = uscript_getCode(tag.c_str(), codes, 4, &err);
    if (U_FAILURE(err) || n <= 0)
        return -1;
    // Japanese is Kana + Hira + Han, Korean Hangul + Han: one writing system each, as counted
    UScriptCode w = writing_system(codes[0]);
    for (int i = 1; i < n; ++i)
        if (writing_system(codes[i]) != w)
            return -1;
    return static_cast<int>(w);
}

namespace {

int letters_in(const PageTextStats& st, int script)
{
    for (const ScriptCount& k : st.scripts)
        if (k.script == script)
            return k.letters;
    return 0;
}

// The document is in a language of another script, and the layer's letters are Latin-1: a font
// whose codes were read through the wrong code page.
bool wrong_code_page(const PageTextStats& st, std::string_view language)
{
    const int expected = language_script(language);
    if (expected < 0 || expected == USCRIPT_LATIN || st.letters < min_letters_for_script)
        return false;
    const int own = letters_in(st, expected);
    return own < (1 - max_foreign_script_share) * st.letters &&
           st.latin1_letters >= min_latin1_share_of_mojibake * st.latin_letters && st.latin_letters > 0;
}

} // namespace

OcrDecision decide_ocr(const PageTextStats& st, core::OcrMode mode, std::string_view language)
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
    if (wrong_code_page(st, language))
        return {true, OcrReason::GarbledText,
                "the document is in '" + std::string(language) +
                    "' but the text layer's letters are Latin-1 accents (a wrong font encoding)"};
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

} // namespace colophon::words
