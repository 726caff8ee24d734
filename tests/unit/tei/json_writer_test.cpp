#include "tei/json_writer.h"

#include "sample_document.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace colophon;

TEST(JsonWriter, HasScorerShape)
{
    const auto j = nlohmann::json::parse(tei::write_json(fixtures::sample_document()));
    EXPECT_EQ(j["title"], "Belarusian-Chinese Ties");
    EXPECT_EQ(j["authors"][0]["affiliation"], "Director, Example Council");
    EXPECT_EQ(j["date"], "2023-03-16");
    EXPECT_EQ(j["blocks"][0]["text"], "A lede with emphasis");
    EXPECT_EQ(j["blocks"][2]["type"], "heading");
    EXPECT_EQ(j["headings"][0], "Section");
    EXPECT_EQ(j["footnotes"][1]["label"], "*");
    EXPECT_EQ(j["footnotes"][1]["place"], "end");
    EXPECT_EQ(j["links"][0]["uri"], "https://example.org/edm/"); // "originally published in"
    EXPECT_EQ(j["links"][1]["uri"], "https://example.org/x");
    EXPECT_EQ(j["links"][1]["text"], "a link");
    EXPECT_EQ(j["originally_published_in"]["title"], "Eurasia Daily Monitor");
    EXPECT_EQ(j["extraction"]["page_type"], "article");
}
