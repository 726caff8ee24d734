#include "words/ocr_decision.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

namespace colophon::words {
namespace {

const char* prose = "The regional council has promised a study before the next harvest, and the port managers "
                    "have asked for a joint timetable with the railway so that wagons meet the barges.";

TEST(OcrDecision, EmptyTextLayerNeedsOcr)
{
    const OcrDecision d = decide_ocr(measure_page_text("", 0.06), core::OcrMode::Auto);
    EXPECT_TRUE(d.ocr);
    EXPECT_EQ(d.reason, OcrReason::NoTextLayer);
    EXPECT_EQ(ocr_reason_code(d.reason), "pdf.no-text-layer");
}

TEST(OcrDecision, ProseIsUsedAsItIs)
{
    const OcrDecision d = decide_ocr(measure_page_text(prose, 0.01), core::OcrMode::Auto);
    EXPECT_FALSE(d.ocr) << d.explanation;
}

TEST(OcrDecision, CyrillicProseIsUsedAsItIs)
{
    const char* text = "Региональный совет обещал провести исследование до следующего урожая, а управляющие "
                       "портом попросили составить общее расписание с железной дорогой.";
    EXPECT_FALSE(decide_ocr(measure_page_text(text, 0.01), core::OcrMode::Auto).ocr);
}

TEST(OcrDecision, StrayPageNumberOnAnInkedPageNeedsOcr)
{
    const OcrDecision d = decide_ocr(measure_page_text("  17 ", 0.07), core::OcrMode::Auto);
    EXPECT_TRUE(d.ocr);
    EXPECT_EQ(d.reason, OcrReason::TooFewCharacters);
}

TEST(OcrDecision, NearlyBlankPageIsLeftAlone)
{
    EXPECT_FALSE(decide_ocr(measure_page_text("17", 0.0005), core::OcrMode::Auto).ocr);
    EXPECT_FALSE(decide_ocr(measure_page_text("", 0.0), core::OcrMode::Auto).ocr);
}

TEST(OcrDecision, TextFarShortOfThePagesInkNeedsOcr)
{
    // A caption's worth of text on a page as dark as a full page of print.
    const OcrDecision d =
        decide_ocr(measure_page_text("Figure 3. Harbour traffic by month, 2019 to 2023.", 0.08), core::OcrMode::Auto);
    EXPECT_TRUE(d.ocr);
    EXPECT_EQ(d.reason, OcrReason::TooFewCharacters);
}

TEST(OcrDecision, BrokenEncodingNoiseNeedsOcr)
{
    const char* noise = "ÿþ%&# ÿþ!(* $%&ÿ þ#@! %&(ÿ ÿ$#* þþ%& &(*# ÿþ%$ #$%& ÿ(*þ !!ÿþ";
    const PageTextStats st = measure_page_text(noise, 0.05);
    const OcrDecision d = decide_ocr(st, core::OcrMode::Auto);
    EXPECT_TRUE(d.ocr);
    EXPECT_LT(st.word_tokens * 2, st.tokens) << st.word_tokens << " of " << st.tokens;
    EXPECT_GT(st.symbols * 10, st.codepoints) << st.symbols << " of " << st.codepoints;
    EXPECT_EQ(d.reason, OcrReason::GarbledText);
}

TEST(OcrDecision, ReplacementAndPrivateUseCharactersNeedOcr)
{
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += i % 2 ? "\xEF\xBF\xBD\xEF\xBF\xBD " : "\xEE\x80\x81\xEE\x80\x82 "; // U+FFFD, U+E001
    text += prose;
    const PageTextStats st = measure_page_text(text, 0.05);
    EXPECT_EQ(st.unmapped, 80);
    EXPECT_EQ(decide_ocr(st, core::OcrMode::Auto).reason, OcrReason::GarbledText);
}

TEST(OcrDecision, ShiftedLettersAreNotWords)
{
    // A font whose glyphs map three letters off: letters, but no words.
    const char* text = "Wkh uhjlrqdo frxqflo kdv surplvhg d vwxgb ehiruh wkh qhaw kduyhvw dqg wkh sruw pdqdjhuv "
                       "kdyh dvnhg iru d mrlqw wlphwdeoh zlwk wkh udlozdb vr wkdw zdjrqv phhw wkh eduwhv";
    const PageTextStats st = measure_page_text(text, 0.01);
    EXPECT_LT(st.latin_vowels * 4, st.latin_letters);
    EXPECT_EQ(decide_ocr(st, core::OcrMode::Auto).reason, OcrReason::GarbledText);
}

// Japanese and Chinese are written without spaces and mix scripts inside a word (kanji, kana,
// Latin letters and digits): a good layer is one long token per line, and it is kept.
TEST(OcrDecision, JapaneseProseIsUsedAsItIs)
{
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "図書館や博物館では、紙の資料をデジタル化する取り組みが進んでいる。しかし、作成したPDFファイル"
                "を2023年から何十年も読める状態に保つことは容易ではない。\n";
    const PageTextStats st = measure_page_text(text, 0.04);
    const OcrDecision d = decide_ocr(st, core::OcrMode::Auto);
    EXPECT_FALSE(d.ocr) << d.explanation;
    EXPECT_GE(st.tokens, 8) << "an unspaced line is split where its scripts change and at its punctuation";
    EXPECT_EQ(st.word_tokens, st.tokens);
}

TEST(OcrDecision, ChineseProseIsUsedAsItIs)
{
    std::string text;
    for (int i = 0; i < 8; ++i)
        text += "近年来，许多图书馆和档案馆开始将纸质文献转换为数字格式。这项工作不仅需要扫描设备，还需要可靠的元数据。\n";
    EXPECT_FALSE(decide_ocr(measure_page_text(text, 0.04), core::OcrMode::Auto).ocr);
}

TEST(OcrDecision, HebrewArabicAndDevanagariProseIsUsedAsItIs)
{
    const char* hebrew = "ספריות וארכיונים רבים סורקים היום מסמכים ישנים ושומרים אותם כקבצים, אבל קובץ שנוצר היום "
                         "צריך להיות קריא גם בעוד חמישים שנה (צה״ל, 2023).";
    const char* arabic = "تقوم مكتبات ومراكز أرشيف كثيرة اليوم بمسح الوثائق القديمة وحفظها في ملفات رقمية، لكن الملف "
                         "الذي ينشأ اليوم يجب أن يبقى مقروءا بعد خمسين عاما؟";
    // vowel signs are spacing marks, the virama and nukta are not
    const char* hindi = "पुस्तकालय और संग्रहालय आज पुराने दस्तावेज़ों को स्कैन करके डिजिटल फ़ाइलों के रूप में सुरक्षित रखते "
                        "हैं। लेकिन आज बनाई गई फ़ाइल पचास साल बाद भी पढ़ने योग्य होनी चाहिए।";
    for (const char* text : {hebrew, arabic, hindi}) {
        const PageTextStats st = measure_page_text(text, 0.01);
        EXPECT_FALSE(decide_ocr(st, core::OcrMode::Auto).ocr) << text;
        EXPECT_EQ(st.word_tokens, st.tokens) << text;
        EXPECT_EQ(st.symbols, 0) << text;
    }
}

// A Russian document whose font codes were read through Latin-1: "Ïðîåêò" for "Проект". The
// letters are Latin accents throughout, the vowel rule counts them all as vowels.
TEST(OcrDecision, WrongCodePageForTheDocumentsLanguageNeedsOcr)
{
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "Ïðîåêò îáúåäèíèë ñïåöèàëèñòîâ èç äâåíàäöàòè ó÷ðåæäåíèé, êîòîðûå çàíèìàþòñÿ õðàíåíèåì. ";
    const PageTextStats st = measure_page_text(text, 0.02);
    EXPECT_FALSE(decide_ocr(st, core::OcrMode::Auto).ocr) << "without a language, these could be letters";
    const OcrDecision d = decide_ocr(st, core::OcrMode::Auto, "ru-RU");
    EXPECT_TRUE(d.ocr);
    EXPECT_EQ(d.reason, OcrReason::GarbledText);
    // the same document's real text, and a French one, are kept
    EXPECT_FALSE(decide_ocr(measure_page_text("Проект объединил специалистов из двенадцати учреждений, которые "
                                              "занимаются хранением и описанием редких изданий, книг и рукописей.",
                                              0.01),
                            core::OcrMode::Auto, "ru")
                     .ocr);
    EXPECT_FALSE(decide_ocr(measure_page_text("Les bibliothèques numérisent leurs collections, mais garder un fichier "
                                              "lisible pendant cinquante ans est bien plus difficile qu'on ne le croit.",
                                              0.01),
                            core::OcrMode::Auto, "fr")
                     .ocr);
}

TEST(OcrDecision, LanguageScriptsComeFromIcu)
{
    EXPECT_EQ(language_script("ru-RU"), language_script("be"));
    EXPECT_EQ(language_script("ja"), language_script("zh-Hans"));
    EXPECT_NE(language_script("ja"), language_script("ru"));
    EXPECT_EQ(language_script(""), -1);
}

TEST(OcrDecision, ModesOverrideTheStatistics)
{
    EXPECT_TRUE(decide_ocr(measure_page_text(prose, 0.01), core::OcrMode::Always).ocr);
    EXPECT_EQ(decide_ocr(measure_page_text(prose, 0.01), core::OcrMode::Always).reason, OcrReason::Forced);
    EXPECT_FALSE(decide_ocr(measure_page_text("", 0.08), core::OcrMode::Never).ocr);
}

TEST(OcrDecision, UnknownInkStillCatchesEmptyAndSparsePages)
{
    EXPECT_TRUE(decide_ocr(measure_page_text(""), core::OcrMode::Auto).ocr);
    EXPECT_TRUE(decide_ocr(measure_page_text("iv"), core::OcrMode::Auto).ocr);
    EXPECT_FALSE(decide_ocr(measure_page_text(prose), core::OcrMode::Auto).ocr);
}

// The PDF converter measures the words of its text layer; the OCR module measures the text
// Poppler gives for the page: both reach the same verdicts.
TEST(OcrDecision, PageWordsAndPageTextAgree)
{
    testing::PageMaker empty(1);
    EXPECT_EQ(decide_ocr(measure_page_words(empty.page()), core::OcrMode::Auto).reason, OcrReason::NoTextLayer);

    testing::PageMaker stray(1);
    stray.line(300, 750, "17");
    EXPECT_EQ(decide_ocr(measure_page_words(stray.page()), core::OcrMode::Auto).reason, OcrReason::TooFewCharacters);
    // a blank page with a folio and no other ink is left alone once the ink is known
    EXPECT_FALSE(decide_ocr(measure_page_words(stray.page(), 0.0005), core::OcrMode::Auto).ocr);

    testing::PageMaker soup(1);
    std::string soup_text;
    for (int i = 0; i < 30; ++i) {
        soup.line(50, 100 + 12.0 * i, "%&# @@! abcdefghijklmnop ()*& $$%^ +=");
        soup_text += "%&# @@! abcdefghijklmnop ()*& $$%^ += ";
    }
    const OcrDecision from_words = decide_ocr(measure_page_words(soup.page()), core::OcrMode::Auto);
    EXPECT_EQ(from_words.reason, OcrReason::GarbledText);
    EXPECT_EQ(from_words.explanation, decide_ocr(measure_page_text(soup_text), core::OcrMode::Auto).explanation);

    testing::PageMaker prose_page(1);
    for (int i = 0; i < 10; ++i)
        prose_page.line(50, 100 + 12.0 * i, "Ordinary prose in a text layer reads as words, 2023.");
    EXPECT_FALSE(decide_ocr(measure_page_words(prose_page.page()), core::OcrMode::Auto).ocr);
}

} // namespace
} // namespace colophon::words
