// The seed article (../shared/seed) checked field by field against its truth file.

#include "html_test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace colophon::html::test {
namespace {

class HtmlSeed : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const std::filesystem::path dir = std::filesystem::path(COLOPHON_SHARED_DIR) / "seed";
        if (!std::filesystem::exists(dir / "seed-wp.html") || !std::filesystem::exists(dir / "seed-wp.truth.json"))
            GTEST_SKIP() << "shared seed not found at " << dir << " (../shared is absent)";
        truth = nlohmann::json::parse(read_file((dir / "seed-wp.truth.json").string()));
        doc = convert_html(read_file((dir / "seed-wp.html").string()));
    }
    nlohmann::json truth;
    core::Document doc;
};

TEST_F(HtmlSeed, TitleAndSubtitle)
{
    EXPECT_EQ(doc.meta.title, truth["title"].get<std::string>());
    EXPECT_EQ(doc.meta.subtitle, truth["subtitle"].get<std::string>());
}

TEST_F(HtmlSeed, AuthorWithAffiliation)
{
    ASSERT_EQ(doc.meta.authors.size(), truth["authors"].size());
    for (std::size_t i = 0; i < doc.meta.authors.size(); ++i) {
        EXPECT_EQ(doc.meta.authors[i].name, truth["authors"][i]["name"].get<std::string>());
        EXPECT_EQ(doc.meta.authors[i].affiliation, truth["authors"][i]["affiliation"].get<std::string>());
    }
}

TEST_F(HtmlSeed, DateAsPrinted)
{
    EXPECT_EQ(doc.meta.date.iso, truth["date"].get<std::string>());
    EXPECT_EQ(doc.meta.date.text, truth["date_text"].get<std::string>());
}

TEST_F(HtmlSeed, OriginallyPublishedIn)
{
    EXPECT_EQ(doc.meta.original_source.title, truth["originally_published_in"].get<std::string>());
    EXPECT_EQ(doc.meta.original_source.url, "https://jamestown.org/programs/edm/");
    EXPECT_TRUE(doc.meta.original_source.text.starts_with("Originally published in"));
}

TEST_F(HtmlSeed, LedeIsTheAbstract)
{
    EXPECT_EQ(core::clean_text(core::plain_text(doc.meta.abstract)), truth["lede"].get<std::string>());
}

TEST_F(HtmlSeed, EveryBodyParagraphInOrder)
{
    // body_paragraphs starts with the lede, which the writers print first from the abstract
    std::vector<std::string> got{core::clean_text(core::plain_text(doc.meta.abstract))};
    for (const core::Block& b : doc.body)
        got.push_back(core::clean_text(core::plain_text(b)));
    ASSERT_EQ(got.size(), truth["body_paragraphs"].size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_EQ(got[i], core::clean_text(truth["body_paragraphs"][i].get<std::string>())) << "paragraph " << i;
}

TEST_F(HtmlSeed, AllLinksWithAnchors)
{
    auto links = all_links(doc);
    links.insert(links.begin(), {doc.meta.original_source.title, doc.meta.original_source.url});
    ASSERT_EQ(links.size(), truth["links"].size());
    for (std::size_t i = 0; i < links.size(); ++i) {
        EXPECT_EQ(links[i].first, truth["links"][i]["text"].get<std::string>());
        EXPECT_EQ(links[i].second, truth["links"][i]["uri"].get<std::string>());
    }
}

TEST_F(HtmlSeed, OrdinalStaysSuperscript)
{
    std::vector<std::string> sups;
    for_each_block(doc.body, [&](const core::Block& b) {
        for_each_inline(b.content, [&](const core::Inline& x) {
            if (x.kind == core::InlineKind::Superscript)
                sups.push_back(core::plain_text(x.children));
            EXPECT_NE(x.kind, core::InlineKind::NoteRef);
        });
    });
    std::vector<std::string> want;
    for (const auto& s : truth["superscripts_not_notes"])
        want.push_back(s.get<std::string>());
    EXPECT_EQ(sups, want);
    EXPECT_TRUE(doc.notes.empty());
}

TEST_F(HtmlSeed, NoBoilerplate)
{
    const std::string text = body_text(doc) + "\n" + doc.meta.title + "\n" + doc.meta.subtitle;
    for (const auto& bad : truth["must_not_contain"])
        EXPECT_EQ(text.find(bad.get<std::string>()), std::string::npos) << bad;
}

TEST_F(HtmlSeed, LanguagePublisherCanonical)
{
    EXPECT_EQ(doc.meta.language, "en");
    EXPECT_EQ(doc.meta.publisher, "Minsk Dialogue");
    EXPECT_EQ(doc.meta.canonical_url, "https://minskdialogue.example/en/research/opinions/belarusian-chinese-ties");
}

TEST_F(HtmlSeed, BlocksKnowTheirSourceLine)
{
    ASSERT_FALSE(doc.body.empty());
    for (const core::Block& b : doc.body)
        EXPECT_TRUE(b.source.line.has_value() && *b.source.line > 1);
}

} // namespace
} // namespace colophon::html::test
