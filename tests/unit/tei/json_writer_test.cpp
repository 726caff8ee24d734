#include "tei/json_writer.h"

#include "sample_document.h"
#include "tei/text_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace colophon;

TEST(JsonWriter, MapsMetadataBlocksNotesAndLinks)
{
    const auto j = nlohmann::json::parse(tei::write_json(fixtures::sample_document()));
    EXPECT_EQ(j["title"], "Belarusian-Chinese Ties");
    EXPECT_EQ(j["authors"][0]["affiliation"], "Director, Example Council");
    EXPECT_EQ(j["date"], "2023-03-16");
    EXPECT_EQ(j["url"], "https://example.org/a?x=1&y=2");
    EXPECT_EQ(j["blocks"][0]["text"], "A lede with emphasis");
    EXPECT_EQ(j["blocks"][2]["type"], "heading");
    EXPECT_EQ(j["notes"][1]["label"], "*");
    EXPECT_EQ(j["notes"][1]["place"], "end");
    EXPECT_EQ(j["links"][0]["url"], "https://example.org/edm/"); // "originally published in"
    EXPECT_EQ(j["links"][1]["url"], "https://example.org/x");
    EXPECT_EQ(j["links"][1]["text"], "a link");
    EXPECT_EQ(j["originally_published_in"]["title"], "Eurasia Daily Monitor");
    EXPECT_EQ(j["extraction"]["page_type"], "article");
}

TEST(JsonWriter, CarriesTheBodyText)
{
    const core::Document doc = fixtures::sample_document();
    const auto j = nlohmann::json::parse(tei::write_json(doc));
    EXPECT_EQ(j["text"], tei::body_text(doc));
    EXPECT_NE(j["text"].get<std::string>().find("Quoted words."), std::string::npos);
}

// The corpus line is the document JSON under the same names: no field is renamed on the way.
TEST(JsonWriter, CorpusRecordUsesTheDocumentNames)
{
    core::Document doc = fixtures::sample_document();
    doc.meta.rights = "CC0";
    doc.meta.collection = "Pamphlets";
    const auto full = tei::build_json(doc);
    const auto line = tei::build_corpus_record(doc, "beta-001", "shelf/beta.html");
    EXPECT_EQ(line["id"], "beta-001");
    EXPECT_EQ(line["key"], "shelf/beta.html");
    EXPECT_EQ(line["rights"], "CC0");
    EXPECT_EQ(line["collection"], "Pamphlets");
    EXPECT_FALSE(line.contains("blocks"));
    EXPECT_FALSE(line.contains("extraction"));
    for (const auto& [key, value] : line.items()) {
        if (key != "id" && key != "key") {
            EXPECT_EQ(value, full[key]) << key;
        }
    }
}
