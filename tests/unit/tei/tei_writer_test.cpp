#include "tei/tei_writer.h"

#include "sample_document.h"
#include "validate/schema_validator.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace colophon;

namespace {

std::string tei_of(const core::Document& doc)
{
    const auto tree = tei::build_tei(doc);
    return tei::write_tei(tree.get());
}

bool valid_against_own_schema(const core::Document& doc, core::Diagnostics& diags)
{
    const auto tree = tei::build_tei(doc);
    return validate::SchemaValidator::tei().validate(tree.get(), diags) &&
           validate::check_note_references(tree.get(), diags);
}

} // namespace

TEST(TeiWriter, FullDocumentIsValidAgainstColophonSchema)
{
    core::Diagnostics diags("sample");
    EXPECT_TRUE(valid_against_own_schema(fixtures::sample_document(), diags));
    for (const auto& d : diags.items())
        ADD_FAILURE() << core::format_diagnostic(d);
}

TEST(TeiWriter, EmptyDocumentIsValid)
{
    core::Diagnostics diags("empty");
    EXPECT_TRUE(valid_against_own_schema(core::Document{}, diags));
}

TEST(TeiWriter, MapsTheHeaderContract)
{
    const std::string xml = tei_of(fixtures::sample_document());
    EXPECT_NE(xml.find("<title type=\"main\">Belarusian-Chinese Ties</title>"), std::string::npos);
    EXPECT_NE(xml.find("<title type=\"sub\">Draw Heightened International Attention</title>"), std::string::npos);
    EXPECT_NE(xml.find("<persName>Jane Doe</persName>"), std::string::npos);
    EXPECT_NE(xml.find("<affiliation>Director, Example Council</affiliation>"), std::string::npos);
    EXPECT_NE(xml.find("<date when=\"2023-03-16\">16.03.2023</date>"), std::string::npos);
    EXPECT_NE(xml.find("<idno type=\"URL\">https://example.org/a?x=1&amp;y=2</idno>"), std::string::npos);
    EXPECT_NE(xml.find("<bibl type=\"originallyPublishedIn\">Originally published in the "
                       "<title level=\"j\">Eurasia Daily Monitor</title><ptr target=\"https://example.org/edm/\"/></bibl>"),
              std::string::npos);
    EXPECT_NE(xml.find("<language ident=\"en\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<classCode scheme=\"https://colophon/page-type\">article</classCode>"), std::string::npos);
}

TEST(TeiWriter, PageTypeWithoutKeywordsIsValid)
{
    core::Document doc;
    doc.extraction.page_type = "forum";
    const std::string xml = tei_of(doc);
    EXPECT_NE(xml.find("<classCode scheme=\"https://colophon/page-type\">forum</classCode>"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<keywords"), std::string::npos) << xml;
    core::Diagnostics diags("page type only");
    EXPECT_TRUE(valid_against_own_schema(doc, diags));
}

TEST(TeiWriter, MapsInlinesAndNotes)
{
    const std::string xml = tei_of(fixtures::sample_document());
    EXPECT_NE(xml.find("<hi rend=\"superscript\">th</hi>"), std::string::npos);
    EXPECT_NE(xml.find("<ref target=\"https://example.org/x\">a link</ref>"), std::string::npos);
    EXPECT_NE(xml.find("<ref type=\"noteref\" target=\"#fn1\">1</ref>"), std::string::npos);
    EXPECT_NE(xml.find("<note n=\"1\" xml:id=\"fn1\" place=\"foot\">"), std::string::npos);
    EXPECT_NE(xml.find("<note n=\"*\" xml:id=\"en1\" place=\"end\">"), std::string::npos);
    EXPECT_NE(xml.find("&amp; &lt;friends&gt;"), std::string::npos);
}

TEST(TeiWriter, IsDeterministic)
{
    EXPECT_EQ(tei_of(fixtures::sample_document()), tei_of(fixtures::sample_document()));
}

TEST(TeiWriter, DanglingNoteReferenceIsReported)
{
    core::Document doc = fixtures::sample_document();
    doc.notes.clear();
    core::Diagnostics diags("dangling");
    EXPECT_FALSE(valid_against_own_schema(doc, diags));
    ASSERT_FALSE(diags.items().empty());
    EXPECT_EQ(diags.items().front().code, "tei.dangling-noteref");
}

TEST(TeiWriter, InvalidUtf8IsRepairedNotEmitted)
{
    core::Document doc;
    doc.meta.title = "bad \xFF byte";
    const std::string xml = tei_of(doc);
    EXPECT_NE(xml.find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

// Hostile hrefs (found by fuzz_html): a stray '%' or a second '#' must not make the whole TEI invalid.
TEST(TeiWriter, MalformedLinkTargetsAreEscapedIntoValidUris)
{
    core::Document doc;
    doc.meta.title = "Links";
    core::Block p;
    p.content.push_back(core::Inline::make_link("/car%ers#a#b", {core::Inline::make_text("careers")}));
    p.content.push_back(core::Inline::make_link("/ok%20fine", {core::Inline::make_text("fine")}));
    doc.body.push_back(p);
    core::Diagnostics diags("links");
    EXPECT_TRUE(valid_against_own_schema(doc, diags));
    for (const auto& d : diags.items())
        ADD_FAILURE() << core::format_diagnostic(d);
    const std::string xml = tei_of(doc);
    EXPECT_NE(xml.find("target=\"/car%25ers#a%23b\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("target=\"/ok%20fine\""), std::string::npos) << xml;
}

// The official TEI P5 schema (tei_all) accepts what our own schema accepts.
TEST(TeiWriter, FullDocumentIsValidAgainstOfficialTeiAll)
{
    const std::filesystem::path rng = std::filesystem::path(COLOPHON_SHARED_DIR) / "schemas-external/tei/tei_all.rng";
    if (!std::filesystem::exists(rng))
        GTEST_SKIP() << "official TEI schema not found at " << rng << " (../shared absent)";
    const auto validator = validate::SchemaValidator::load_relaxng(rng);
    core::Diagnostics diags("sample");
    const auto tree = tei::build_tei(fixtures::sample_document());
    EXPECT_TRUE(validator.validate(tree.get(), diags, "tei.tei-all-invalid"));
    for (const auto& d : diags.items())
        ADD_FAILURE() << core::format_diagnostic(d);
}
