#include "batch/batch_job.h"
#include "batch/batch_merge.h"

#include "fake_converter.h"
#include "state_rows.h"
#include "test_pages.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <map>

using namespace colophon;
using namespace colophon::batch;
using namespace colophon::pool;
using namespace colophon::state;
using colophon::pipeline::OutputFormat;
using colophon::testing::html_page;
using colophon::testing::state_rows;
using colophon::testing::read_file;
using colophon::testing::TempDir;
using colophon::testing::write_file;

namespace {

std::vector<std::string> read_gzip_lines(const std::filesystem::path& p)
{
    struct GzClose
    {
        void operator()(gzFile_s* f) const { gzclose(f); }
    };
    const std::unique_ptr<gzFile_s, GzClose> gz(gzopen(p.c_str(), "rb"));
    EXPECT_TRUE(gz) << p;
    std::string all;
    char buf[4096];
    int n = 0;
    while (gz && (n = gzread(gz.get(), buf, sizeof buf)) > 0)
        all.append(buf, static_cast<std::size_t>(n));
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < all.size()) {
        const auto end = all.find('\n', start);
        lines.push_back(all.substr(start, end - start));
        start = end == std::string::npos ? all.size() : end + 1;
    }
    return lines;
}

class BatchJobTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        write_file(src_ / "a.html", html_page("Alpha", "First text."));
        write_file(src_ / "sub/b.html", html_page("Beta", "Second text."));
        write_file(src_ / "sub/copy-of-a.html", html_page("Alpha", "First text."));
        write_file(src_ / "noauthor.html", html_page("Gamma NOAUTHOR", "Third text."));
        write_file(src_ / "broken.html", html_page("FAIL", "x"));
        write_file(src_ / "crash.html", html_page("CRASH", "x"));
        write_file(src_ / "empty.html", "");
        write_file(src_ / "letter.docx", std::string("PK\x03\x04", 4) + "word/document.xml");
    }

    BatchSettings settings()
    {
        BatchSettings s;
        s.sources = {src_.string()};
        s.root = src_;
        s.output_dir = out_;
        s.jobs = 2;
        s.document.formats = {OutputFormat::Tei, OutputFormat::Json};
        s.corpus = out_ / "corpus.jsonl.gz";
        s.progress = ProgressMode::Quiet;
        return s;
    }

    BatchResult run(BatchSettings s)
    {
        DocumentSettings doc = s.document;
        doc.output_dir = s.output_dir;
        doc.corpus = !s.corpus.empty();
        return BatchJob(s, document_function_factory(doc, colophon::testing::fake_converters)).run();
    }

    TempDir tmp_;
    std::filesystem::path src_ = tmp_ / "src";
    std::filesystem::path out_ = tmp_ / "out";
};

} // namespace

TEST_F(BatchJobTest, EveryInputIsAccountedForWithReasons)
{
    const BatchResult r = run(settings());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.counts.total, 8);
    const auto m = state_rows(out_);
    ASSERT_EQ(m.size(), 8u);
    EXPECT_EQ(m.at("a.html").status, DocStatus::Ok);
    EXPECT_EQ(m.at("sub/b.html").status, DocStatus::Ok);
    EXPECT_EQ(m.at("noauthor.html").status, DocStatus::Warnings);
    EXPECT_NE(m.at("noauthor.html").warnings.at(0).find("no author found"), std::string::npos);
    // Which copy converts depends on scheduling; exactly one of them does.
    const bool a_first = m.at("a.html").status == DocStatus::Ok;
    EXPECT_EQ(m.at(a_first ? "sub/copy-of-a.html" : "a.html").status, DocStatus::Duplicate);
    EXPECT_EQ(m.at("broken.html").status, DocStatus::Failed);
    EXPECT_EQ(m.at("broken.html").stage, "convert");
    EXPECT_EQ(m.at("broken.html").code, "fake.failed");
    EXPECT_EQ(m.at("crash.html").code, "batch.crashed");
    EXPECT_EQ(m.at("empty.html").code, "input.empty");
    EXPECT_EQ(m.at("empty.html").stage, "read");
    EXPECT_EQ(m.at("letter.docx").status, DocStatus::Unsupported);
    for (const auto& [key, rec] : m) {
        EXPECT_EQ(rec.attempts, 1) << key;
        if (rec.status == DocStatus::Failed || rec.status == DocStatus::Unsupported) {
            EXPECT_FALSE(rec.reason.empty() || rec.stage.empty()) << key;
        }
        for (const std::string& o : rec.outputs)
            EXPECT_TRUE(std::filesystem::exists(out_ / o)) << o;
    }
    EXPECT_TRUE(std::filesystem::exists(out_ / "a.html.tei.xml") ||
                std::filesystem::exists(out_ / "sub/copy-of-a.html.tei.xml"));
    EXPECT_TRUE(std::filesystem::exists(out_ / "sub/b.html.json"));
    EXPECT_FALSE(std::filesystem::exists(out_ / "broken.html.tei.xml"));

    // Reports: one row per input in each.
    const auto report = nlohmann::json::parse(read_file(out_ / "report.json"));
    EXPECT_EQ(report["documents"].size(), 8u);
    EXPECT_EQ(report["summary"]["counts"]["failed"], 3);
    const std::string csv = read_file(out_ / "report.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 9);
    const std::string html = read_file(out_ / "report.html");
    std::size_t rows_in_html = 0;
    for (auto p = html.find("<tr class=\"doc "); p != std::string::npos; p = html.find("<tr class=\"doc ", p + 1))
        ++rows_in_html;
    EXPECT_EQ(rows_in_html, 8u);
    EXPECT_EQ(html.find("http"), std::string::npos) << "the report must not load anything";

    // Corpus: one line per success, with the text.
    const auto lines = read_gzip_lines(out_ / "corpus.jsonl.gz");
    ASSERT_EQ(lines.size(), 3u);
    for (const std::string& line : lines) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_FALSE(j["text"].get<std::string>().empty());
        EXPECT_TRUE(j.contains("links") && j.contains("notes") && j.contains("authors"));
    }
}

TEST_F(BatchJobTest, ResumeSkipsFinishedDocumentsAndRetriesFailuresOnRequest)
{
    run(settings());
    const BatchResult again = run(settings());
    EXPECT_EQ(again.converted, 0);
    EXPECT_EQ(again.skipped, 8);
    for (const auto& [key, rec] : state_rows(out_))
        EXPECT_EQ(rec.attempts, 1) << key;
    EXPECT_EQ(read_gzip_lines(out_ / "corpus.jsonl.gz").size(), 3u);

    BatchSettings retry = settings();
    retry.retry_failed = true;
    const BatchResult third = run(retry);
    EXPECT_EQ(third.converted, 4); // broken, crash, empty, letter.docx
    const auto m = state_rows(out_);
    EXPECT_EQ(m.at("broken.html").attempts, 2);
    EXPECT_EQ(m.at("sub/b.html").attempts, 1);
}

TEST_F(BatchJobTest, ChangedInputsAreConvertedAgainAndTouchedOnesAreNot)
{
    run(settings());
    // Same bytes, new modification time: hashed, found unchanged, not converted.
    write_file(src_ / "sub/b.html", html_page("Beta", "Second text."));
    // New bytes: converted again.
    write_file(src_ / "noauthor.html", html_page("Gamma", "Now with an author."));
    const BatchResult again = run(settings());
    EXPECT_EQ(again.converted, 2);
    const auto m = state_rows(out_);
    EXPECT_EQ(m.at("sub/b.html").attempts, 1);
    EXPECT_EQ(m.at("noauthor.html").attempts, 2);
    EXPECT_EQ(m.at("noauthor.html").status, DocStatus::Ok);
}

// A file added later with the bytes of a document converted in an earlier run is its duplicate
// (answered by the workers from a snapshot of the earlier successes), not a second conversion.
TEST_F(BatchJobTest, NewCopiesOfDocumentsConvertedEarlierAreDuplicates)
{
    run(settings());
    write_file(src_ / "later/copy-of-b.html", html_page("Beta", "Second text."));
    const BatchResult again = run(settings());
    EXPECT_EQ(again.converted, 1);
    const auto m = state_rows(out_);
    EXPECT_EQ(m.at("later/copy-of-b.html").status, DocStatus::Duplicate);
    EXPECT_EQ(m.at("later/copy-of-b.html").duplicate_of, "sub/b.html");
    EXPECT_TRUE(m.at("later/copy-of-b.html").outputs.empty());
    EXPECT_FALSE(std::filesystem::exists(out_ / ".colophon/earlier.sqlite")) << "the snapshot outlived the run";
}

TEST_F(BatchJobTest, MissingOutputsAreRebuiltOnResume)
{
    run(settings());
    std::filesystem::remove(out_ / "sub/b.html.tei.xml");
    const BatchResult again = run(settings());
    EXPECT_EQ(again.converted, 1);
    EXPECT_TRUE(std::filesystem::exists(out_ / "sub/b.html.tei.xml"));
}

TEST_F(BatchJobTest, ManifestRecordsOverrideExtractedMetadata)
{
    write_file(tmp_ / "manifest.csv",
               "path,identifier,title,authors,collection,rights\n"
               "src/sub/b.html,beta-001,\"Beta, catalogued\",Ann Author; Bob Author,Pamphlets,CC0\n");
    BatchSettings s = settings();
    s.sources = {};
    s.manifest = (tmp_ / "manifest.csv").string();
    run(s);
    const auto m = state_rows(out_);
    ASSERT_EQ(m.size(), 1u);
    const DocumentRecord& r = m.at("beta-001");
    EXPECT_EQ(r.title, "Beta, catalogued");
    EXPECT_EQ(r.authors, (std::vector<std::string>{"Ann Author", "Bob Author"}));
    const auto json = nlohmann::json::parse(read_file(out_ / "beta-001.json"));
    EXPECT_EQ(json["title"], "Beta, catalogued");
    const auto corpus = nlohmann::json::parse(read_gzip_lines(out_ / "corpus.jsonl.gz").at(0));
    EXPECT_EQ(corpus["id"], "beta-001");
    EXPECT_EQ(corpus["collection"], "Pamphlets");
    EXPECT_EQ(corpus["rights"], "CC0");
}

TEST_F(BatchJobTest, ShardsTogetherCoverTheCatalogueAndMerge)
{
    std::int64_t total = 0;
    std::vector<std::filesystem::path> dirs;
    for (int k = 1; k <= 3; ++k) {
        BatchSettings s = settings();
        s.shard = {k, 3};
        s.output_dir = tmp_ / ("shard-" + std::to_string(k));
        s.corpus = s.output_dir / "corpus.jsonl.gz";
        total += run(s).planned;
        dirs.push_back(s.output_dir);
    }
    EXPECT_EQ(total, 8);
    const MergeResult merged = merge_batches(dirs, tmp_ / "merged", tmp_ / "merged/corpus.jsonl.gz");
    EXPECT_EQ(merged.counts.total, 8);
    EXPECT_EQ(merged.conflicts, 0);
    EXPECT_EQ(merged.exit_code, 1);
    // Copies converted in different shards are found when merging: one duplicate either way.
    EXPECT_EQ(merged.counts.of(DocStatus::Duplicate), 1);
    EXPECT_EQ(merged.counts.of(DocStatus::Ok) + merged.counts.of(DocStatus::Warnings), 3);
    const auto lines = read_gzip_lines(tmp_ / "merged/corpus.jsonl.gz");
    EXPECT_EQ(static_cast<std::int64_t>(lines.size()), merged.counts.of(DocStatus::Ok) + merged.counts.of(DocStatus::Warnings));
    // Output links in the merged report point into the shard folders.
    for (const auto& [key, rec] : state_rows(tmp_ / "merged")) {
        for (const std::string& o : rec.outputs)
            EXPECT_TRUE(std::filesystem::exists(tmp_ / "merged" / o)) << o;
    }
}

// The plan of a run lives in SQLite: inputs and jobs are read a chunk at a time, so the parent's
// memory does not grow with the catalogue. The run reports how much it ever held.
TEST_F(BatchJobTest, PlanIsStreamedInChunksNotHeldInMemory)
{
    constexpr int extra = 60;
    for (int i = 0; i < extra; ++i)
        write_file(src_ / ("many/p" + std::to_string(i) + ".html"), html_page("Page " + std::to_string(i), "Text."));
    // Same bytes as a page already in the catalogue: found through the claims table.
    write_file(src_ / "many/copy-of-p7.html", html_page("Page 7", "Text."));
    BatchSettings s = settings();
    s.chunk = 8;
    s.commit_documents = 5;
    const BatchResult r = run(s);
    const int total = 8 + extra + 1;
    EXPECT_EQ(r.planned, total);
    EXPECT_EQ(r.converted, total);
    EXPECT_GT(r.max_inputs_held, 0u);
    EXPECT_LE(r.max_inputs_held, s.chunk);
    EXPECT_GT(r.max_jobs_queued, 0u);
    EXPECT_LE(r.max_jobs_queued, s.chunk);
    // Handed to workers and not yet recorded: each worker's running and queued jobs, one more.
    EXPECT_LE(r.max_jobs_in_flight, static_cast<std::size_t>(s.max_queued_per_worker * s.jobs + 1));
    EXPECT_GT(r.conversion_cpu_seconds, 0);
    EXPECT_GT(r.parent_cpu_seconds, 0);
    EXPECT_GE(r.worker_cpu_seconds, r.conversion_cpu_seconds);

    const auto m = state_rows(out_);
    ASSERT_EQ(m.size(), static_cast<std::size_t>(total));
    const bool p7_first = m.at("many/p7.html").status == DocStatus::Ok;
    EXPECT_EQ(m.at(p7_first ? "many/copy-of-p7.html" : "many/p7.html").status, DocStatus::Duplicate);
    for (const auto& [key, rec] : m)
        EXPECT_EQ(rec.attempts, 1) << key;
    EXPECT_FALSE(std::filesystem::exists(out_ / ".colophon/run.sqlite")) << "the scratch database outlived the run";

    // The same in the run summary, for benchmarks and support.
    StateDb db(out_ / state_file_name);
    auto q = db.database().prepare("SELECT summary FROM runs ORDER BY id DESC LIMIT 1");
    ASSERT_TRUE(q.step());
    const auto summary = nlohmann::json::parse(q.text(0));
    EXPECT_EQ(summary["memory"]["max_jobs_queued"].get<std::size_t>(), r.max_jobs_queued);
    EXPECT_GT(summary["memory"]["parent_max_rss_kib"].get<long>(), 0);
    EXPECT_GT(summary["cpu"]["conversion_seconds"].get<double>(), 0);

    // Resuming plans again from the database and converts nothing.
    const BatchResult again = run(s);
    EXPECT_EQ(again.skipped, total);
    EXPECT_EQ(again.converted, 0);
}
