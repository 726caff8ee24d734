// Every sample page in samples/html/<case>/ converts, and the facts its expected.json names hold:
// title, subtitle, authors (name, affiliation), date, language, page type, source, notes, links,
// text that must and must not appear in the body.

#include "html_test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace colophon::html::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> sample_dirs()
{
    std::vector<fs::path> dirs;
    const fs::path root = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "html";
    if (!fs::exists(root))
        return dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (fs::exists(e.path() / "input.html") && fs::exists(e.path() / "expected.json"))
            dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

TEST(HtmlSamples, AtLeastTenCases)
{
    EXPECT_GE(sample_dirs().size(), 10u);
}

TEST(HtmlSamples, ExpectedFactsHold)
{
    for (const fs::path& dir : sample_dirs()) {
        SCOPED_TRACE(dir.filename().string());
        const auto want = nlohmann::json::parse(read_file((dir / "expected.json").string()));
        const core::Document d = convert_html(read_file((dir / "input.html").string()));
        const auto& m = d.meta;
        if (want.contains("title")) {
            EXPECT_EQ(m.title, want["title"].get<std::string>());
        }
        if (want.contains("subtitle")) {
            EXPECT_EQ(m.subtitle, want["subtitle"].get<std::string>());
        }
        if (want.contains("date")) {
            EXPECT_EQ(m.date.iso, want["date"].get<std::string>());
        }
        if (want.contains("language")) {
            EXPECT_EQ(m.language, want["language"].get<std::string>());
        }
        if (want.contains("page_type")) {
            EXPECT_EQ(d.extraction.page_type, want["page_type"].get<std::string>());
        }
        if (want.contains("publisher")) {
            EXPECT_EQ(m.publisher, want["publisher"].get<std::string>());
        }
        if (want.contains("originally_published_in")) {
            EXPECT_EQ(m.original_source.title, want["originally_published_in"].get<std::string>());
        }
        if (want.contains("authors")) {
            EXPECT_EQ(m.authors.size(), want["authors"].size());
            for (std::size_t i = 0; i < std::min(m.authors.size(), want["authors"].size()); ++i) {
                EXPECT_EQ(m.authors[i].name, want["authors"][i]["name"].get<std::string>());
                if (want["authors"][i].contains("affiliation")) {
                    EXPECT_EQ(m.authors[i].affiliation, want["authors"][i]["affiliation"].get<std::string>());
                }
            }
        }
        if (want.contains("abstract_starts")) {
            EXPECT_TRUE(core::plain_text(m.abstract).starts_with(want["abstract_starts"].get<std::string>()))
                << core::plain_text(m.abstract);
        }
        if (want.contains("notes")) {
            EXPECT_EQ(d.notes.size(), want["notes"].get<std::size_t>());
            std::size_t refs = 0;
            for_each_block(d.body, [&](const core::Block& b) {
                for_each_inline(b.content, [&](const core::Inline& x) {
                    if (x.kind == core::InlineKind::NoteRef) {
                        ++refs;
                        EXPECT_TRUE(std::any_of(d.notes.begin(), d.notes.end(),
                                                [&](const core::Note& n) { return n.id == x.target; }));
                    }
                });
            });
            EXPECT_GE(refs, d.notes.size());
        }
        if (want.contains("links")) {
            EXPECT_EQ(all_links(d).size(), want["links"].get<std::size_t>());
        }
        const std::string text = body_text(d);
        for (const auto& s : want.value("body_contains", nlohmann::json::array()))
            EXPECT_NE(text.find(s.get<std::string>()), std::string::npos) << s;
        for (const auto& s : want.value("body_not_contains", nlohmann::json::array()))
            EXPECT_EQ(text.find(s.get<std::string>()), std::string::npos) << s;
    }
}

} // namespace
} // namespace colophon::html::test
