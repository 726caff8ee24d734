// Output names that never collide and never move: a document's outputs are named by its path
// below the catalogue root (or its identifier), never land on the batch's own files or on another
// document's, and stay the same whatever other sources a run lists.

#include "batch/batch_job.h"

#include "fake_converter.h"
#include "state_rows.h"
#include "test_pages.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

using namespace colophon;
using namespace colophon::batch;
using namespace colophon::state;
using colophon::pipeline::OutputFormat;
using colophon::testing::html_page;
using colophon::testing::state_rows;
using colophon::testing::read_file;
using colophon::testing::TempDir;
using colophon::testing::write_file;
namespace fs = std::filesystem;

namespace {

class BatchNames : public ::testing::Test
{
protected:
    BatchSettings settings(std::vector<std::string> sources)
    {
        BatchSettings s;
        s.sources = std::move(sources);
        s.output_dir = out_;
        s.root = tmp_.path();
        s.jobs = 2;
        s.document.formats = {OutputFormat::Tei, OutputFormat::Json};
        s.document.package = true;
        s.document.package_format = "dir";
        s.document.bagging_date = "2026-01-02";
        s.corpus = out_ / "corpus.jsonl.gz";
        s.progress = ProgressMode::Quiet;
        return s;
    }

    BatchResult run(const BatchSettings& s)
    {
        DocumentSettings doc = s.document;
        doc.output_dir = s.output_dir;
        doc.corpus = !s.corpus.empty();
        return BatchJob(s, document_function_factory(doc, colophon::testing::fake_converters)).run();
    }

    TempDir tmp_;
    fs::path shelf_ = tmp_ / "shelf";
    fs::path out_ = tmp_ / "out";
};

} // namespace

// Documents named like the batch's reports and state, two names differing only in case, and one
// file reached through two sources: every one converted, each into outputs of its own.
TEST_F(BatchNames, DocumentsNeverOverwriteTheBatchFilesOrEachOther)
{
    write_file(shelf_ / "report.html", html_page("Named like the report", "One."));
    write_file(shelf_ / "report.csv", "a,b\n1,2\n"); // unsupported, still an input
    write_file(shelf_ / "colophon-state.sqlite", html_page("Named like the state", "Two."));
    write_file(shelf_ / "report", html_page("Report without extension", "Three."));
    write_file(shelf_ / "Case.html", html_page("Upper case", "Four."));
    write_file(shelf_ / "case.html", html_page("Lower case", "Five."));
    write_file(shelf_ / "a b.html", html_page("With a space", "Six."));
    write_file(shelf_ / "a-b.html", html_page("With a dash", "Seven."));
    write_file(tmp_ / "list.txt", (shelf_ / "case.html").string() + "\n");

    const BatchResult r = run(settings({shelf_.string(), "@" + (tmp_ / "list.txt").string()}));
    EXPECT_EQ(r.counts.total, 8);
    const auto m = state_rows(out_);
    ASSERT_EQ(m.size(), 8u);
    // The batch's own files are its own: the report lists every document, the state opens.
    const auto report = nlohmann::json::parse(read_file(out_ / "report.json"));
    EXPECT_EQ(report["documents"].size(), 8u);
    EXPECT_NE(read_file(out_ / "report.csv").find("key"), std::string::npos);
    // Every output belongs to exactly one document and holds that document's title.
    std::set<std::string> all;
    for (const auto& [key, rec] : m) {
        EXPECT_TRUE(key.starts_with("shelf/")) << key;
        for (const std::string& o : rec.outputs) {
            EXPECT_TRUE(all.insert(o).second) << o << " written by two documents";
            EXPECT_TRUE(fs::exists(out_ / o)) << o;
            if (o.ends_with(".json")) {
                EXPECT_EQ(nlohmann::json::parse(read_file(out_ / o))["title"], rec.title) << o;
            }
        }
        if (key != "shelf/report.csv") {
            EXPECT_EQ(rec.outputs.size(), 3u) << key; // TEI, JSON, package
        }
    }
    EXPECT_EQ(m.at("shelf/Case.html").title, "Upper case");
    EXPECT_EQ(m.at("shelf/case.html").title, "Lower case");
    // ... and apart on a file system that ignores case (macOS, Windows): the folded form keeps its
    // name, the other gets a suffix of its own.
    std::set<std::string> folded;
    for (const std::string &o : all)
        EXPECT_TRUE(folded.insert(folded_name(o)).second)
            << o << " is another output on a case-insensitive disk";
    EXPECT_EQ(m.at("shelf/case.html").outputs.front(), "shelf/case.html.tei.xml");
    EXPECT_TRUE(m.at("shelf/Case.html").outputs.front().starts_with("shelf/Case.html~"));
    EXPECT_NE(m.at("shelf/a b.html").outputs.back(), m.at("shelf/a-b.html").outputs.back());
    // A second run finds everything done.
    const BatchResult again = run(settings({shelf_.string(), "@" + (tmp_ / "list.txt").string()}));
    EXPECT_EQ(again.converted, 0);
    EXPECT_EQ(again.skipped, 8);
}

// At the top of the output folder, a document's name may not be the batch's: "report" would write
// report.json. Such names (and names starting with '_', so the escape stays one-to-one) get '_'.
TEST_F(BatchNames, TopLevelNamesOfBatchFilesAreEscaped)
{
    write_file(tmp_ / "report", html_page("Top-level report", "One."));
    write_file(tmp_ / "_report", html_page("Underscore report", "Two."));
    write_file(tmp_ / "colophon-state.sqlite", html_page("Top-level state", "Three."));
    const BatchResult r = run(settings({(tmp_ / "report").string(), (tmp_ / "_report").string(),
                                        (tmp_ / "colophon-state.sqlite").string()}));
    EXPECT_EQ(r.counts.total, 3);
    const auto m = state_rows(out_);
    EXPECT_EQ(m.at("report").outputs.at(1), "_report.json");
    EXPECT_EQ(m.at("_report").outputs.at(1), "__report.json");
    EXPECT_EQ(m.at("colophon-state.sqlite").outputs.at(1), "_colophon-state.sqlite.json");
    EXPECT_EQ(nlohmann::json::parse(read_file(out_ / "report.json"))["documents"].size(), 3u);
}

// Names depend on the document, not on the other sources: adding a second folder resumes the
// first one's documents instead of converting them again under new names.
TEST_F(BatchNames, ResumingWithAnotherSourceListKeepsNames)
{
    write_file(shelf_ / "drupal.html", html_page("Drupal", "One."));
    write_file(shelf_ / "sub/wp.html", html_page("WordPress", "Two."));
    write_file(tmp_ / "more/other.html", html_page("Other", "Three."));
    BatchSettings first = settings({shelf_.string()});
    first.root.clear(); // the first run picks the root (shelf's parent) and records it
    run(first);
    const auto before = state_rows(out_);
    ASSERT_TRUE(before.count("shelf/drupal.html"));
    BatchSettings second = settings({shelf_.string(), (tmp_ / "more").string()});
    second.root.clear();
    const BatchResult r = run(second);
    EXPECT_EQ(r.skipped, 2);
    EXPECT_EQ(r.converted, 1);
    const auto after = state_rows(out_);
    EXPECT_EQ(after.size(), 3u);
    EXPECT_EQ(after.at("shelf/drupal.html").attempts, 1);
    EXPECT_EQ(after.at("shelf/drupal.html").outputs, before.at("shelf/drupal.html").outputs);
    EXPECT_EQ(after.at("more/other.html").status, DocStatus::Ok);
}

// A document whose name differs only in case from one converted earlier takes a name of its own:
// the earlier one keeps its outputs where they are, on any file system.
TEST_F(BatchNames, ACaseTwinAddedLaterNeverTakesAnEarlierDocumentsName)
{
    write_file(shelf_ / "Report.html", html_page("First", "One."));
    run(settings({(shelf_ / "Report.html").string()}));
    const auto before = state_rows(out_);
    ASSERT_EQ(before.at("shelf/Report.html").outputs.front(), "shelf/Report.html.tei.xml");
    write_file(shelf_ / "report.html", html_page("Second", "Two."));
    const BatchResult r = run(settings({shelf_.string()}));
    EXPECT_EQ(r.skipped, 1);
    EXPECT_EQ(r.converted, 1);
    const auto after = state_rows(out_);
    EXPECT_EQ(after.at("shelf/Report.html").outputs, before.at("shelf/Report.html").outputs);
    const std::string twin = after.at("shelf/report.html").outputs.front();
    EXPECT_TRUE(twin.starts_with("shelf/report.html~")) << twin;
    EXPECT_NE(folded_name(twin), folded_name(after.at("shelf/Report.html").outputs.front()));
    // Listed alone in a third run, the twin still keeps clear of the earlier name.
    run(settings({(shelf_ / "report.html").string()}));
    EXPECT_EQ(state_rows(out_).at("shelf/report.html").outputs.front(), twin);
}

TEST_F(BatchNames, AnotherRootForTheSameOutputFolderIsRefused)
{
    write_file(shelf_ / "a.html", html_page("A", "One."));
    run(settings({shelf_.string()}));
    BatchSettings other = settings({shelf_.string()});
    other.root = shelf_;
    EXPECT_THROW(run(other), std::runtime_error);
}

TEST_F(BatchNames, AnInputOutsideTheRootIsASetupError)
{
    TempDir elsewhere;
    write_file(elsewhere / "x.html", html_page("X", "One."));
    BatchSettings s = settings({(elsewhere / "x.html").string()});
    try {
        run(s);
        FAIL() << "expected a setup error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("outside the catalogue root"), std::string::npos) << e.what();
    }
}
