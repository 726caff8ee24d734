#include "text_layer_check.h"

#include "core/text.h"

namespace colophon::layout {

namespace {

constexpr int min_letters_per_page = 20;
constexpr double max_bad_char_share = 0.2;
constexpr double min_wordlike_share = 0.5;

// A token reads as a word when most of its characters are letters and it has a vowel-like
// mix, i.e. is not "ÿþ%&#" soup.
bool wordlike(const std::string& w)
{
    const core::TextStats st = core::text_stats(w);
    if (st.codepoints == 0)
        return false;
    if (st.digits > 0 && st.letters == 0)
        return true; // numbers are fine
    return st.replacement_chars == 0 && st.letters * 2 >= st.codepoints;
}

} // namespace

TextLayerVerdict check_text_layer(const PageWords& page)
{
    int letters = 0, bad = 0, codepoints = 0, tokens = 0, wordlike_tokens = 0;
    for (const Word& w : page.words) {
        const core::TextStats st = core::text_stats(w.text);
        letters += st.letters;
        bad += st.replacement_chars;
        codepoints += st.codepoints;
        ++tokens;
        if (wordlike(w.text))
            ++wordlike_tokens;
    }
    if (tokens == 0)
        return {false, "no text"};
    if (letters < min_letters_per_page)
        return {false, "too few characters"};
    if (bad > max_bad_char_share * codepoints)
        return {false, "mostly unmapped glyphs"};
    if (wordlike_tokens < min_wordlike_share * tokens)
        return {false, "mostly non-words"};
    return {};
}

} // namespace colophon::layout
