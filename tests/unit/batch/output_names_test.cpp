// Names that a case-insensitive or normalising file system would take for one another.

#include "batch/output_names.h"

#include <gtest/gtest.h>

using namespace colophon::batch;

TEST(OutputNames, FoldingIgnoresCaseAndNormalisation)
{
    EXPECT_EQ(folded_name("Shelf/Case.HTML"), "shelf/case.html");
    EXPECT_EQ(folded_name("caf\xC3\xA9.html"), folded_name("cafe\xCC\x81.html")); // NFC and NFD é
    EXPECT_EQ(folded_name("STRA\xC3\x9F"
                          "E"),
              folded_name("strasse"));                                  // ß folds to ss
    EXPECT_EQ(folded_name("\xD0\x9E\xD1\x82\xD1\x87\xD1\x91\xD1\x82"),  // Отчёт
              folded_name("\xD0\xBE\xD1\x82\xD1\x87\xD1\x91\xD1\x82")); // отчёт
    EXPECT_NE(folded_name("a-b.html"), folded_name("a b.html"));
}

TEST(OutputNames, TheStemAlreadyInUseKeepsIt)
{
    // An earlier run wrote Case.html's outputs under its own name: it keeps them, the newcomer
    // moves.
    const std::vector<bool> keep =
        keeps_stem({{"Case.html", "Case.html", true}, {"case.html", "case.html", false}});
    EXPECT_EQ(keep, (std::vector<bool>{true, false}));
}

TEST(OutputNames, WithoutEarlierOutputsTheFoldedFormWinsWhateverTheOrder)
{
    EXPECT_EQ(keeps_stem({{"Case.html", "Case.html", false}, {"case.html", "case.html", false}}),
              (std::vector<bool>{false, true}));
    EXPECT_EQ(keeps_stem({{"case.html", "case.html", false}, {"Case.html", "Case.html", false}}),
              (std::vector<bool>{true, false}));
    // No folded form among them: the smallest key.
    EXPECT_EQ(keeps_stem({{"cASE.html", "cASE.html", false}, {"CASE.html", "CASE.html", false}}),
              (std::vector<bool>{false, true}));
}

TEST(OutputNames, DisambiguatedStemsDependOnTheKeyAlone)
{
    const std::string a = disambiguated_stem("shelf/Case.html", "shelf/Case.html");
    EXPECT_TRUE(a.starts_with("shelf/Case.html~")) << a;
    EXPECT_EQ(a, disambiguated_stem("shelf/Case.html", "shelf/Case.html"));
    EXPECT_NE(folded_name(a),
              folded_name(disambiguated_stem("shelf/CASE.html", "shelf/CASE.html")));
}
