#include "batch/batch_inputs.h"

#include "test_pages.h"

#include <gtest/gtest.h>

#include <set>

using namespace colophon;
using colophon::testing::TempDir;
using colophon::testing::write_file;

namespace {

batch::CatalogueRoot root_at(const std::filesystem::path& p)
{
    return {p, batch::reserved_output_names({"report.json", "report.csv", "report.html", "colophon-state.sqlite"})};
}

std::vector<std::string> keys(const batch::InputSet& set)
{
    std::vector<std::string> out;
    for (const auto& in : set.inputs)
        out.push_back(in.key);
    return out;
}

} // namespace

TEST(BatchInputs, WalksDirectoriesRecursivelyAndSkipsHiddenFiles)
{
    TempDir dir;
    write_file(dir / "src/b.pdf", "x");
    write_file(dir / "src/sub/a.html", "x");
    write_file(dir / "src/.DS_Store", "x");
    write_file(dir / "src/.git/config", "x");
    const auto set = batch::collect_inputs({(dir / "src").string()}, "", {}, root_at(dir / "src"));
    EXPECT_EQ(keys(set), (std::vector<std::string>{"b.pdf", "sub/a.html"}));
    EXPECT_EQ(set.hidden_skipped, 2u);
    EXPECT_EQ(set.inputs[1].output_stem, "sub/a.html");
    EXPECT_EQ(set.inputs[1].identifier, "a.html");
}

TEST(BatchInputs, NeverDescendsIntoTheOutputDirectory)
{
    TempDir dir;
    write_file(dir / "a.html", "x");
    write_file(dir / "out/a.tei.xml", "x");
    const auto set = batch::collect_inputs({dir.path().string()}, "", dir / "out", root_at(dir.path()));
    EXPECT_EQ(keys(set), (std::vector<std::string>{"a.html"}));
}

// Output stems keep the extension whatever else is in the catalogue ("other.pdf" alone would once
// have lost it), so adding "other.html" later renames nothing.
TEST(BatchInputs, OutputStemsKeepTheExtensionAndDependOnTheDocumentAlone)
{
    TempDir dir;
    write_file(dir / "src/report.html", "x");
    write_file(dir / "src/report.pdf", "x");
    write_file(dir / "src/other.pdf", "x");
    const auto set = batch::collect_inputs({(dir / "src").string()}, "", {}, root_at(dir.path()));
    ASSERT_EQ(set.inputs.size(), 3u);
    EXPECT_EQ(set.inputs[0].output_stem, "src/other.pdf");
    EXPECT_EQ(set.inputs[1].output_stem, "src/report.html");
    EXPECT_EQ(set.inputs[2].output_stem, "src/report.pdf");
    const auto alone = batch::collect_inputs({(dir / "src/other.pdf").string()}, "", {}, root_at(dir.path()));
    EXPECT_EQ(alone.inputs.at(0).output_stem, "src/other.pdf");
}

TEST(BatchInputs, StemsOfBatchFileNamesAreEscapedOneToOne)
{
    const auto reserved = batch::reserved_output_names({"report.json", "report.html", "colophon-state.sqlite"});
    EXPECT_TRUE(reserved.count("report"));
    EXPECT_TRUE(reserved.count("report.html"));
    EXPECT_EQ(batch::output_stem_for("report", reserved), "_report");
    EXPECT_EQ(batch::output_stem_for("_report", reserved), "__report");
    EXPECT_EQ(batch::output_stem_for("report.html", reserved), "_report.html");
    EXPECT_EQ(batch::output_stem_for("report/a.pdf", reserved), "_report/a.pdf");
    EXPECT_EQ(batch::output_stem_for("shelf/report", reserved), "shelf/report");
    EXPECT_EQ(batch::output_stem_for(".colophon/x.pdf", reserved), "_.colophon/x.pdf");
    EXPECT_EQ(batch::output_stem_for("reports.html", reserved), "reports.html");
}

TEST(BatchInputs, ReadsFileListsAndReportsMissingFilesAsInputs)
{
    TempDir dir;
    write_file(dir / "a.html", "x");
    write_file(dir / "list.txt", "# catalogue\n" + (dir / "a.html").string() + "\n" + (dir / "gone.pdf").string() + "\n\n");
    const auto set = batch::collect_inputs({"@" + (dir / "list.txt").string()}, "", {}, root_at(dir.path()));
    EXPECT_EQ(keys(set), (std::vector<std::string>{"a.html", "gone.pdf"}));
}

TEST(BatchInputs, ManifestEntriesUseIdentifiersAndWinOverDirectories)
{
    TempDir dir;
    write_file(dir / "cat/a.html", "x");
    write_file(dir / "cat/b.html", "x");
    write_file(dir / "cat/manifest.csv", "path,identifier,title\na.html,rec-1,Catalogued\n");
    const auto set =
        batch::collect_inputs({(dir / "cat").string()}, (dir / "cat/manifest.csv").string(), {}, root_at(dir.path()));
    // a.html comes once, from the manifest; the directory adds b.html (the manifest is no document).
    EXPECT_EQ(keys(set), (std::vector<std::string>{"cat/b.html", "rec-1"}));
    const auto& rec = set.inputs[1];
    ASSERT_TRUE(rec.record);
    EXPECT_EQ(rec.record->title, "Catalogued");
    EXPECT_EQ(rec.identifier, "rec-1");
}

TEST(BatchInputs, ShardsPartitionEveryKeyExactlyOnce)
{
    std::set<std::string> seen;
    const int n = 4;
    std::vector<int> sizes(n);
    for (int i = 0; i < 400; ++i) {
        const std::string key = "folder/" + std::to_string(i) + ".pdf";
        int hits = 0;
        for (int k = 1; k <= n; ++k) {
            if (batch::in_shard(key, {k, n})) {
                ++hits;
                ++sizes[static_cast<std::size_t>(k - 1)];
            }
        }
        EXPECT_EQ(hits, 1) << key;
    }
    for (const int s : sizes)
        EXPECT_GT(s, 60); // roughly even
    EXPECT_TRUE(batch::in_shard("x", {1, 1}));
}

TEST(BatchInputs, ParsesShardSpecifications)
{
    EXPECT_EQ(batch::parse_shard("3/8").index, 3);
    EXPECT_EQ(batch::parse_shard("3/8").count, 8);
    EXPECT_THROW(batch::parse_shard("0/8"), std::invalid_argument);
    EXPECT_THROW(batch::parse_shard("9/8"), std::invalid_argument);
    EXPECT_THROW(batch::parse_shard("3"), std::invalid_argument);
    EXPECT_THROW(batch::parse_shard("3/8x"), std::invalid_argument);
}

TEST(BatchInputs, SafeIdentifiers)
{
    EXPECT_EQ(batch::safe_identifier("Annual Report (1998)"), "Annual-Report-1998");
    EXPECT_EQ(batch::safe_identifier("..."), "document");
}

// A file is one input however it is reached: through a link to it, or through a second source
// that is a link to its folder (canonical paths are worked out per folder while walking).
TEST(BatchInputs, AFileReachedThroughLinksIsOneInput)
{
    TempDir dir;
    write_file(dir / "src/sub/a.html", "x");
    write_file(dir / "src/b.html", "y");
    std::filesystem::create_symlink("sub/a.html", dir / "src/link-to-a.html");
    std::filesystem::create_directory_symlink("src/sub", dir / "sub-link");
    const auto set =
        batch::collect_inputs({(dir / "sub-link").string(), (dir / "src").string()}, "", {}, root_at(dir.path()));
    ASSERT_EQ(set.inputs.size(), 2u) << ::testing::PrintToString(keys(set));
    EXPECT_EQ(set.inputs[0].key, "src/b.html");
    // Named by its canonical path, although the link's folder was listed first.
    EXPECT_EQ(set.inputs[1].key, "src/sub/a.html");
}

TEST(BatchInputs, AnIdentifierThatEqualsAnotherInputsPathIsASetupError)
{
    TempDir dir;
    write_file(dir / "a.html", "x");
    write_file(dir / "b.html", "y");
    write_file(dir / "manifest.csv", "path,identifier\nb.html,a.html\n");
    EXPECT_THROW(batch::collect_inputs({(dir / "a.html").string()}, (dir / "manifest.csv").string(), {}, root_at(dir.path())),
                 std::runtime_error);
}
