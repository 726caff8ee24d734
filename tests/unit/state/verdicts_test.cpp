#include "state/verdicts.h"

#include "test_pages.h"

#include <gtest/gtest.h>

using namespace colophon::state;
using colophon::testing::TempDir;

TEST(Verdicts, FoundByKeyIdentifierOrPathAndKeptAcrossConversions)
{
    TempDir dir;
    const auto path = dir / "state.sqlite";
    {
        StateDb db(path);
        db.plan({{"shelf/a.html", "/in/shelf/a.html", "rec-1", "", 10, 1},
                 {"b.pdf", "/in/b.pdf", "b", "", 20, 2},
                 {"c/input.pdf", "/in/c/input.pdf", "input.pdf", "", 1, 1},
                 {"d/input.pdf", "/in/d/input.pdf", "input.pdf", "", 1, 1}});
        EXPECT_EQ(find_document_key(db, "input.pdf"), ""); // two documents share it
        EXPECT_EQ(find_document_key(db, "d/input.pdf"), "d/input.pdf");
        EXPECT_EQ(find_document_key(db, "shelf/a.html"), "shelf/a.html");
        EXPECT_EQ(find_document_key(db, "rec-1"), "shelf/a.html");
        EXPECT_EQ(find_document_key(db, "/in/b.pdf"), "b.pdf");
        EXPECT_EQ(find_document_key(db, "nothing"), "");
        EXPECT_TRUE(read_verdicts(db).empty());
        set_verdict(db, "shelf/a.html", {"rejected", "byline wrong", "2026-01-01T00:00:00Z"});
        set_verdict(db, "shelf/a.html", {"accepted", "fixed by hand", ""});
        DocumentRecord r;
        r.key = "shelf/a.html";
        r.status = DocStatus::Ok;
        db.record(r); // a new conversion leaves the verdict alone
    }
    StateDb db(path);
    const auto verdicts = read_verdicts(db);
    ASSERT_EQ(verdicts.size(), 1u);
    EXPECT_EQ(verdicts.at("shelf/a.html").verdict, "accepted");
    EXPECT_EQ(verdicts.at("shelf/a.html").note, "fixed by hand");
    EXPECT_FALSE(verdicts.at("shelf/a.html").marked_at.empty());
    EXPECT_TRUE(is_verdict("accepted"));
    EXPECT_TRUE(is_verdict("rejected"));
    EXPECT_FALSE(is_verdict("maybe"));
}
