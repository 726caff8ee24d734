#include "layout/dehyphenation.h"
#include "lexicon/spelling.h"

#include <gtest/gtest.h>

#include <sstream>

namespace colophon::layout {
namespace {

TextLine line(const std::string& text)
{
    TextLine l;
    std::istringstream in(text);
    std::string w;
    while (in >> w) {
        LineWord lw;
        lw.text = w;
        lw.space_before = !l.words.empty();
        l.words.push_back(lw);
    }
    return l;
}

bool have_dictionary(const char* language) { return lexicon::SpellingDictionary::for_language(language) != nullptr; }

#define NEED_DICTIONARY(lang)                                                                                \
    if (!have_dictionary(lang))                                                                            \
    GTEST_SKIP() << "no Hunspell dictionary for '" lang "' (tools/setup-debian.sh installs hunspell-*)"

TEST(SpellingDictionary, FindsDebiansDictionaryByLanguage)
{
    NEED_DICTIONARY("ru");
    const lexicon::SpellingDictionary* ru = lexicon::SpellingDictionary::for_language("ru");
    EXPECT_TRUE(ru->knows("семинары"));
    EXPECT_TRUE(ru->knows("Семинары")); // as printed at the start of a sentence
    EXPECT_FALSE(ru->knows("белорусскокитайскими"));
    EXPECT_EQ(lexicon::SpellingDictionary::for_language("ru"), ru); // loaded once
    EXPECT_EQ(lexicon::SpellingDictionary::for_language("qq"), nullptr);
    EXPECT_EQ(lexicon::SpellingDictionary::for_language("../etc"), nullptr);
}

// "белорусско-" at a line end and "китайскими" on the next: a compound, not a broken word.
TEST(Dehyphenation, DictionaryKeepsTheHyphenOfACompound)
{
    NEED_DICTIONARY("ru");
    Vocabulary v;
    v.set_language("ru");
    v.add_line(line("связи между научными центрами стали заметно прочнее"));
    EXPECT_TRUE(v.keep_hyphen("белорусско", "китайскими"));
    EXPECT_FALSE(v.keep_hyphen("Семина", "ры"));
    EXPECT_FALSE(v.keep_hyphen("досту", "пе."));
}

// The document uses "sea" and "son" on their own, which alone would keep "sea-son"; the
// dictionary knows "season".
TEST(Dehyphenation, DictionaryJoinsAWordTheDocumentCannotDecide)
{
    NEED_DICTIONARY("en");
    Vocabulary v;
    v.set_language("en-GB");
    v.add_line(line("the sea was calm and her son sailed"));
    EXPECT_FALSE(v.keep_hyphen("sea", "son"));
    EXPECT_TRUE(v.keep_hyphen("decision", "making"));
}

// What the document itself prints wins over the dictionary.
TEST(Dehyphenation, TheDocumentsOwnSpellingComesFirst)
{
    NEED_DICTIONARY("en");
    Vocabulary v;
    v.set_language("en");
    v.add_line(line("a re-cover of the old album"));
    EXPECT_TRUE(v.keep_hyphen("re", "cover"));
}

// Without a declared language the alphabet of the document's letters picks the dictionary:
// Belarusian writes ў and і, which Russian has not.
TEST(Dehyphenation, UndeclaredLanguageIsToldByItsAlphabet)
{
    NEED_DICTIONARY("be");
    Vocabulary v;
    v.add_line(line("Нацыянальная бібліятэка правяла сустрэчу прысвечаную захаванню электронных дакументаў"));
    v.add_line(line("Удзельнікі абмяркоўвалі як зрабіць так каб файлы створаныя сёння можна было прачытаць"));
    EXPECT_TRUE(v.keep_hyphen("беларуска", "кітайскія"));
    EXPECT_FALSE(v.keep_hyphen("дапа", "магае"));
}

} // namespace
} // namespace colophon::layout

namespace colophon::layout {
namespace {

// A line whose words are separated by ' '; a '|' sets the next word flush against the one
// before it, as a glyph run of its own ("incom|\u2010": the hyphen a layout engine adds).
TextLine runs(const std::string& text)
{
    TextLine l = line(text);
    std::vector<LineWord> out;
    for (LineWord w : l.words) {
        std::size_t bar = 0;
        while ((bar = w.text.find('|')) != std::string::npos) {
            LineWord head = w;
            head.text = w.text.substr(0, bar);
            out.push_back(head);
            w.text = w.text.substr(bar + 1);
            w.space_before = false;
        }
        out.push_back(w);
    }
    l.words = out;
    return l;
}

std::string joined(const std::vector<std::string>& lines, bool deferred)
{
    Vocabulary v;
    v.set_language("en");
    std::vector<TextLine> ls;
    for (const std::string& s : lines)
        ls.push_back(runs(s));
    for (const TextLine& l : ls)
        v.add_line(l);
    std::vector<Tok> toks;
    std::vector<PendingHyphen> pending;
    for (const TextLine& l : ls) {
        if (deferred)
            append_line(toks, l, pending);
        else
            append_line(toks, l, v);
    }
    settle_hyphens(toks, pending, v);
    return tokens_text(toks);
}

// CSS hyphenation (WeasyPrint) sets U+2010 HYPHEN at the line end, a word processor U+00AD:
// both are decided like '-', by the document's words and the dictionary of its language.
TEST(Dehyphenation, UnicodeHyphensAtTheLineEndAreDecidedLikeHyphenMinus)
{
    NEED_DICTIONARY("en");
    for (const bool deferred : {false, true}) {
        EXPECT_EQ(joined({"a truck with incom\u2010", "plete documentation"}, deferred), "a truck with incomplete documentation");
        EXPECT_EQ(joined({"a truck with incom\u00ad", "plete documentation"}, deferred), "a truck with incomplete documentation");
        EXPECT_EQ(joined({"the decision\u2010", "making of the board"}, deferred), "the decision\u2010making of the board");
        // the hyphen as a glyph run of its own, flush against its word
        EXPECT_EQ(joined({"a truck with incom|\u2010", "plete documentation"}, deferred), "a truck with incomplete documentation");
        EXPECT_EQ(joined({"a truck with incom|-", "plete documentation"}, deferred), "a truck with incomplete documentation");
        EXPECT_EQ(joined({"the decision|\u2010", "making of the board"}, deferred), "the decision\u2010making of the board");
        EXPECT_EQ(joined({"inter|-", "na|\u2010", "tional trade"}, deferred), "international trade");
        // a speck OCR read at the start of the word's rest is no part of it
        EXPECT_EQ(joined({"a truck with incom-", "\u2018plete documentation"}, deferred), "a truck with incomplete documentation");
        EXPECT_EQ(joined({"the corri-", "_dor tracker"}, deferred), "the corridor tracker");
        EXPECT_EQ(joined({"the self-", "\u201cmade\u201d man"}, deferred), "the self-\u201cmade\u201d man");
        // a dash set apart from the words keeps its spaces
        EXPECT_EQ(joined({"trade -", "and more"}, deferred), "trade - and more");
    }
}

} // namespace
} // namespace colophon::layout

namespace colophon::layout {
namespace {

// OCR splits a word at a wide capital ("N orthern"): the right part is no word, the two joined
// are one, and the document prints it whole elsewhere.
TEST(Dehyphenation, WordsOcrSplitAreJoinedWhenTheDocumentPrintsThemWhole)
{
    NEED_DICTIONARY("en");
    Vocabulary v;
    v.set_language("en");
    v.add_line(line("the Northern corridor was meant to carry freight to the north"));
    EXPECT_TRUE(v.split_by_ocr("N", "orthern"));
    EXPECT_EQ(mend_ocr_splits("Rerouting the N orthern Meridian Corridor", v), "Rerouting the Northern Meridian Corridor");
    EXPECT_FALSE(v.split_by_ocr("to", "the"));      // two words
    EXPECT_FALSE(v.split_by_ocr("nor", "Thern"));   // a capital opens a word
    EXPECT_FALSE(v.split_by_ocr("com", "mission")); // "commission" is no word this document prints
    EXPECT_FALSE(v.split_by_ocr("N.", "orthern"));  // punctuation between them
    std::vector<Tok> toks(2);
    toks[0].text = "N";
    toks[1].text = "orthern";
    toks[1].space_before = true;
    mend_ocr_splits(toks, v);
    ASSERT_EQ(toks.size(), 1u);
    EXPECT_EQ(toks[0].text, "Northern");
}

} // namespace
} // namespace colophon::layout
