#include "batch/batch_inputs.h"

#include "test_pages.h"

#include <gtest/gtest.h>

#include <set>

using namespace colophon;
using colophon::testing::TempDir;
using colophon::testing::write_file;

namespace {

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
    const auto set = batch::collect_inputs({(dir / "src").string()}, "");
    EXPECT_EQ(keys(set), (std::vector<std::string>{"b.pdf", "sub/a.html"}));
    EXPECT_EQ(set.hidden_skipped, 2u);
    EXPECT_EQ(set.inputs[1].output_stem, "sub/a");
    EXPECT_EQ(set.inputs[1].identifier, "a");
}

TEST(BatchInputs, NeverDescendsIntoTheOutputDirectory)
{
    TempDir dir;
    write_file(dir / "a.html", "x");
    write_file(dir / "out/a.tei.xml", "x");
    const auto set = batch::collect_inputs({dir.path().string()}, "", dir / "out");
    EXPECT_EQ(keys(set), (std::vector<std::string>{"a.html"}));
}

TEST(BatchInputs, KeepsExtensionsWhenStemsWouldCollide)
{
    TempDir dir;
    write_file(dir / "src/report.html", "x");
    write_file(dir / "src/report.pdf", "x");
    write_file(dir / "src/other.pdf", "x");
    const auto set = batch::collect_inputs({(dir / "src").string()}, "");
    ASSERT_EQ(set.inputs.size(), 3u);
    EXPECT_EQ(set.inputs[0].output_stem, "other");
    EXPECT_EQ(set.inputs[1].output_stem, "report.html");
    EXPECT_EQ(set.inputs[2].output_stem, "report.pdf");
}

TEST(BatchInputs, ReadsFileListsAndReportsMissingFilesAsInputs)
{
    TempDir dir;
    write_file(dir / "a.html", "x");
    write_file(dir / "list.txt", "# catalogue\n" + (dir / "a.html").string() + "\n" + (dir / "gone.pdf").string() + "\n\n");
    const auto set = batch::collect_inputs({"@" + (dir / "list.txt").string()}, "");
    EXPECT_EQ(keys(set), (std::vector<std::string>{"a.html", "gone.pdf"}));
}

TEST(BatchInputs, ManifestEntriesUseIdentifiersAndWinOverDirectories)
{
    TempDir dir;
    write_file(dir / "cat/a.html", "x");
    write_file(dir / "cat/b.html", "x");
    write_file(dir / "cat/manifest.csv", "path,identifier,title\na.html,rec-1,Catalogued\n");
    const auto set = batch::collect_inputs({(dir / "cat").string()}, (dir / "cat/manifest.csv").string());
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
    const auto set = batch::collect_inputs({(dir / "src").string(), (dir / "sub-link").string()}, "");
    ASSERT_EQ(set.inputs.size(), 2u) << ::testing::PrintToString(keys(set));
    EXPECT_EQ(set.inputs[0].key, "src/b.html");
}
