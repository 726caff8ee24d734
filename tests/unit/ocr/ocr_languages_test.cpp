#include "ocr/ocr_languages.h"

#include <gtest/gtest.h>
#include <unicode/uscript.h>

#include <filesystem>
#include <fstream>

using namespace colophon::ocr;
namespace fs = std::filesystem;

TEST(OcrLanguages, EachScriptHasItsPack)
{
    EXPECT_EQ(pack_for_script(USCRIPT_CYRILLIC), "rus");
    EXPECT_EQ(pack_for_script(USCRIPT_HAN), "chi_sim");
    EXPECT_EQ(pack_for_script(USCRIPT_HAN, /*kana=*/true), "jpn");
    EXPECT_EQ(pack_for_script(USCRIPT_HEBREW), "heb");
    EXPECT_EQ(pack_for_script(USCRIPT_ARABIC), "ara");
    EXPECT_EQ(pack_for_script(USCRIPT_LATIN), "eng");
    EXPECT_EQ(pack_for_script(USCRIPT_OGHAM), "");
}

TEST(OcrLanguages, OsdScriptNamesMapToPacks)
{
    EXPECT_EQ(pack_for_osd_script("Cyrillic"), "rus");
    EXPECT_EQ(pack_for_osd_script("Japanese"), "jpn");
    EXPECT_EQ(pack_for_osd_script("HanT"), "chi_tra");
    EXPECT_EQ(pack_for_osd_script("Arabic"), "ara");
    EXPECT_EQ(pack_for_osd_script("Latin"), "eng");
    EXPECT_EQ(pack_for_osd_script("Klingon"), "");
}

TEST(OcrLanguages, LatinLettersOrNot)
{
    EXPECT_TRUE(reads_latin("eng"));
    EXPECT_TRUE(reads_latin("deu"));
    EXPECT_TRUE(reads_latin(""));
    EXPECT_FALSE(reads_latin("rus"));
    EXPECT_FALSE(reads_latin("ukr"));
    EXPECT_FALSE(reads_latin("jpn"));
}

// Only installed packs are named, English beside the page's own.
TEST(OcrLanguages, InstalledPacksWithEnglish)
{
    const fs::path dir = fs::temp_directory_path() / "colophon-tessdata-test";
    fs::create_directories(dir);
    for (const char* pack : {"eng", "heb"})
        std::ofstream(dir / (std::string(pack) + ".traineddata")) << "x";
    std::string missing;
    EXPECT_EQ(languages_with_english("heb", dir.string(), &missing), "heb+eng");
    EXPECT_EQ(missing, "");
    EXPECT_EQ(languages_with_english("jpn", dir.string(), &missing), "eng");
    EXPECT_EQ(missing, "jpn");
    EXPECT_EQ(languages_with_english("", dir.string()), "eng");
    fs::remove_all(dir);
}

TEST(OcrLanguages, PagesLanguagesAreMerged)
{
    EXPECT_EQ(merge_languages("", "eng"), "eng");
    EXPECT_EQ(merge_languages("eng", "jpn+eng"), "eng+jpn");
    EXPECT_EQ(merge_languages("rus+eng", "rus+eng"), "rus+eng");
}
