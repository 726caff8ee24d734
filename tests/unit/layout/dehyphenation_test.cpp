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
