#include "state/state_db.h"

#include "test_pages.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace colophon::state;
using colophon::testing::TempDir;

TEST(StateDb, PlansRecordsAndCountsAttempts)
{
    TempDir dir;
    const auto path = dir / "state.sqlite";
    {
        StateDb db(path);
        const auto prior = db.plan({{"a.html", "/in/a.html", "a", "", 10, 1}, {"b.pdf", "/in/b.pdf", "b", "", 20, 2}});
        ASSERT_EQ(prior.size(), 2u);
        EXPECT_EQ(prior.at("a.html").status, DocStatus::Pending);
        DocumentRecord r;
        r.key = "a.html";
        r.status = DocStatus::Warnings;
        r.sha256 = "abc";
        r.outputs = {"a.tei.xml"};
        r.warnings = {"WARNING: a: no author found [batch.no-author]"};
        r.warning_count = 1;
        r.ocr_confidence = 87.5;
        db.record(r);
        db.record(r);
    }
    StateDb db(path); // reopened: everything committed is there
    std::vector<DocumentRecord> rows;
    db.for_each([&](const DocumentRecord& r) { rows.push_back(r); });
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].key, "a.html");
    EXPECT_EQ(rows[0].status, DocStatus::Warnings);
    EXPECT_EQ(rows[0].attempts, 2);
    EXPECT_EQ(rows[0].outputs, (std::vector<std::string>{"a.tei.xml"}));
    ASSERT_TRUE(rows[0].ocr_confidence.has_value());
    EXPECT_DOUBLE_EQ(*rows[0].ocr_confidence, 87.5);
    EXPECT_EQ(rows[1].status, DocStatus::Pending);
}

TEST(StateDb, RecordingAnUnplannedDocumentFails)
{
    TempDir dir;
    StateDb db(dir / "state.sqlite");
    DocumentRecord r;
    r.key = "nowhere";
    EXPECT_THROW(db.record(r), std::runtime_error);
}

TEST(StateDb, UsesWriteAheadLogging)
{
    TempDir dir;
    StateDb db(dir / "state.sqlite");
    auto s = db.database().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "wal");
}

TEST(DocumentRecord, RoundTripsThroughJson)
{
    DocumentRecord r;
    r.key = "k";
    r.status = DocStatus::Failed;
    r.stage = "convert";
    r.reason = "bad";
    r.timings = R"({"read":0.5})";
    r.authors = {"A", "B"};
    const DocumentRecord back = nlohmann::json(r).get<DocumentRecord>();
    EXPECT_EQ(back.status, DocStatus::Failed);
    EXPECT_EQ(back.stage, "convert");
    EXPECT_EQ(back.authors, r.authors);
    EXPECT_EQ(nlohmann::json::parse(back.timings)["read"], 0.5);
}
