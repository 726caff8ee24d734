#include "batch/manifest.h"

#include "test_pages.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace colophon;
using colophon::testing::TempDir;
using colophon::testing::write_file;

TEST(Manifest, ReadsCatalogueColumnsWithAliases)
{
    TempDir dir;
    write_file(dir / "cat/manifest.csv",
               "Path,ID,Title,Authors,Date,Source URL,Collection,Rights,Shelf mark\n"
               "docs/a.pdf,rep-1,\"Annual Report, 1998\",Jane Doe; John Roe,1998-04-01,https://example.org/a,"
               "Reports,CC BY 4.0,A-17\n");
    const auto entries = batch::read_manifest(dir / "cat/manifest.csv");
    ASSERT_EQ(entries.size(), 1u);
    const auto& e = entries[0];
    EXPECT_EQ(e.path, dir / "cat/docs/a.pdf");
    EXPECT_EQ(e.record.identifier, "rep-1");
    EXPECT_EQ(e.record.title, "Annual Report, 1998");
    EXPECT_EQ(e.record.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
    EXPECT_EQ(e.record.source_url, "https://example.org/a");
    EXPECT_EQ(e.record.collection, "Reports");
    EXPECT_EQ(e.record.rights, "CC BY 4.0");
    EXPECT_EQ(e.record.extra.at("shelf_mark"), "A-17");
}

TEST(Manifest, RequiresAPathColumn)
{
    TempDir dir;
    write_file(dir / "m.csv", "title,date\nA,2020\n");
    EXPECT_THROW(batch::read_manifest(dir / "m.csv"), std::runtime_error);
}

TEST(Manifest, RejectsAnIdentifierUsedTwice)
{
    TempDir dir;
    write_file(dir / "m.tsv", "path\tidentifier\na.pdf\tx\nb.pdf\tx\n");
    try {
        batch::read_manifest(dir / "m.tsv");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
}

TEST(Manifest, CatalogueOverridesAndCompletesExtractedMetadata)
{
    core::Document doc;
    doc.meta.title = "Extracted title";
    doc.meta.authors = {{"Jane Doe", "Example Institute", ""}};
    doc.meta.publisher = "Extracted publisher";
    batch::CatalogueRecord rec;
    rec.title = "Catalogued title";
    rec.authors = {"Jane Doe", "John Roe"};
    rec.date = "16.03.2023";
    rec.source_url = "https://example.org/x";
    rec.rights = "CC BY 4.0";
    rec.collection = "Policy briefs";
    batch::apply_catalogue(rec, doc);
    EXPECT_EQ(doc.meta.title, "Catalogued title");
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Example Institute"); // kept for the same name
    EXPECT_EQ(doc.meta.date.iso, "2023-03-16");
    EXPECT_EQ(doc.meta.publisher, "Extracted publisher");             // empty catalogue value: kept
    EXPECT_EQ(doc.meta.canonical_url, "https://example.org/x");
    EXPECT_EQ(doc.meta.rights, "CC BY 4.0");
    EXPECT_EQ(doc.meta.collection, "Policy briefs");
}

TEST(Manifest, CatalogueRoundTripsThroughJson)
{
    batch::CatalogueRecord rec;
    rec.identifier = "id-1";
    rec.authors = {"A"};
    rec.rights = "public domain";
    rec.extra["box"] = "7";
    const auto back = batch::catalogue_from_json(batch::catalogue_to_json(rec));
    EXPECT_EQ(back.identifier, "id-1");
    EXPECT_EQ(back.authors, rec.authors);
    EXPECT_EQ(back.rights, "public domain");
    EXPECT_EQ(back.extra.at("box"), "7");
}

TEST(Manifest, ARowWithMoreFieldsThanTheHeaderIsAnErrorNamingTheLine)
{
    TempDir dir;
    // "Jane Doe, John Roe" unquoted: the date would become "John Roe" without the check.
    write_file(dir / "m.csv", "path,authors,date\na.pdf,Jane Doe,2020-01-01\nb.pdf,Jane Doe, John Roe,2021-02-03\n");
    try {
        batch::read_manifest(dir / "m.csv");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("m.csv: line 3"), std::string::npos) << what;
        EXPECT_NE(what.find("4 fields where the header has 3"), std::string::npos) << what;
    }
    write_file(dir / "short.tsv", "path\ttitle\tdate\na.pdf\tOnly a title\n");
    EXPECT_THROW(batch::read_manifest(dir / "short.tsv"), std::runtime_error);
}

TEST(Manifest, UnreadableCatalogueFieldsAreWarningsNamingFieldAndValue)
{
    core::Document doc;
    doc.meta.language = "de";
    doc.meta.canonical_url = "https://example.org/found";
    batch::CatalogueRecord rec;
    rec.date = "sometime in spring";
    rec.language = "en/de";
    rec.source_url = "see the shelf list";
    core::Diagnostics diags("m.csv");
    batch::apply_catalogue(rec, doc, &diags);
    EXPECT_EQ(doc.meta.date.text, "sometime in spring");
    EXPECT_TRUE(doc.meta.date.iso.empty());
    EXPECT_EQ(doc.meta.language, "de");
    EXPECT_EQ(doc.meta.canonical_url, "https://example.org/found");
    std::vector<std::string> messages;
    for (const auto& d : diags.items()) {
        EXPECT_EQ(d.code, "batch.catalogue-field");
        messages.push_back(d.message);
    }
    ASSERT_EQ(messages.size(), 3u);
    EXPECT_NE(messages[0].find("'date' value 'sometime in spring'"), std::string::npos) << messages[0];
    EXPECT_NE(messages[1].find("'language' value 'en/de'"), std::string::npos) << messages[1];
    EXPECT_NE(messages[2].find("'source' value 'see the shelf list'"), std::string::npos) << messages[2];
}

TEST(Manifest, ThePathAsCataloguedIsKept)
{
    TempDir dir;
    write_file(dir / "cat/m.csv", "path,identifier\nshelf/1998/a.pdf,rec-1\n");
    const auto entries = batch::read_manifest(dir / "cat/m.csv");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].record.path, "shelf/1998/a.pdf");
    EXPECT_EQ(batch::catalogue_from_json(batch::catalogue_to_json(entries[0].record)).path, "shelf/1998/a.pdf");
}
