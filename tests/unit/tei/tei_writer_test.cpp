#include "tei/tei_writer.h"

#include "sample_document.h"
#include "validate/schema_validator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

using namespace colophon;

namespace {

std::string tei_of(const core::Document& doc)
{
    const auto tree = tei::build_tei(doc);
    return tei::write_tei(tree.get());
}

// The serialised TEI without the indentation between elements, for matching whole statements.
std::string compact(const std::string& xml)
{
    return std::regex_replace(xml, std::regex(">[ \n]+<"), "><");
}

// Every optional part of the header: OCR, catalogue rights and collection, a role of two words.
core::Document full_header_document()
{
    core::Document doc = fixtures::sample_document();
    doc.meta.rights = "CC BY 4.0";
    doc.meta.collection = "Think-tank commentaries";
    doc.meta.authors.push_back({"Ann Poe", "", "Guest Editor"});
    doc.extraction.method = "pdf-text+ocr";
    doc.extraction.source_format = "application/pdf";
    doc.extraction.ocr_engine = "Tesseract 5.3.0";
    doc.extraction.ocr_languages = "eng";
    doc.extraction.ocr_pages = {{1, 91.5, false, {}}, {2, 41.0, true, {}}};
    return doc;
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
    const std::string xml = compact(tei_of(fixtures::sample_document()));
    EXPECT_NE(xml.find("<titleStmt><title type=\"main\">Belarusian-Chinese Ties</title>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<title type=\"sub\">Draw Heightened International Attention</title>"), std::string::npos);
    EXPECT_NE(xml.find("<persName>Jane Doe</persName>"), std::string::npos);
    EXPECT_NE(xml.find("<affiliation>Director, Example Council</affiliation>"), std::string::npos);
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

// The original as published goes to sourceDesc/biblStruct; publicationStmt is the archival copy.
TEST(TeiWriter, DescribesTheOriginalInBiblStruct)
{
    const std::string xml = compact(tei_of(fixtures::sample_document()));
    EXPECT_NE(xml.find("<publicationStmt><authority/></publicationStmt>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<sourceDesc><biblStruct><analytic>"
                       "<title level=\"a\" type=\"main\">Belarusian-Chinese Ties</title>"
                       "<title level=\"a\" type=\"sub\">Draw Heightened International Attention</title>"
                       "<author><persName>Jane Doe</persName><affiliation>Director, Example Council</affiliation></author>"
                       "<author role=\"Translator\"><persName>John Roe</persName></author></analytic>"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<monogr><idno type=\"URL\">https://example.org/a?x=1&amp;y=2</idno>"
                       "<imprint><publisher>Example Dialogue</publisher>"
                       "<date when=\"2023-03-16\">16.03.2023</date></imprint></monogr>"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<series><title level=\"s\">Example Monitor, Volume 20, Issue 45</title></series>"),
              std::string::npos);
    EXPECT_NE(xml.find("<relatedItem type=\"originallyPublishedIn\"><bibl>Originally published in the "
                       "<title level=\"j\">Eurasia Daily Monitor</title><ptr target=\"https://example.org/edm/\"/>"
                       "</bibl></relatedItem></biblStruct></sourceDesc>"),
              std::string::npos)
        << xml;
    // nothing about the original is left in the archival copy's statement
    const auto pub = xml.find("<publicationStmt>");
    EXPECT_EQ(xml.substr(pub, xml.find("</publicationStmt>") - pub).find("Example Dialogue"), std::string::npos);
}

TEST(TeiWriter, MapsCatalogueRightsAndCollection)
{
    const std::string xml = compact(tei_of(full_header_document()));
    EXPECT_NE(xml.find("<publicationStmt><authority/><availability><licence>CC BY 4.0</licence></availability>"
                       "</publicationStmt><seriesStmt><title>Think-tank commentaries</title></seriesStmt><sourceDesc>"),
              std::string::npos)
        << xml;
}

// tei_all requires application/@version to be a version number: "Tesseract 5.3.0" is not one.
TEST(TeiWriter, OcrEngineVersionIsATeiVersionNumber)
{
    const std::string xml = compact(tei_of(full_header_document()));
    EXPECT_NE(xml.find("<application ident=\"ocr\" version=\"5.3.0\"><label>Tesseract 5.3.0</label>"),
              std::string::npos)
        << xml;
    EXPECT_EQ(xml.find("version=\"Tesseract"), std::string::npos);
    core::Diagnostics diags("ocr");
    EXPECT_TRUE(valid_against_own_schema(full_header_document(), diags));
    for (const auto& d : diags.items())
        ADD_FAILURE() << core::format_diagnostic(d);
}

TEST(TeiWriter, OwnSchemaRejectsWhatTeiAllRejects)
{
    // A day that does not exist, a version that is not a number, markup inside code: tei_all
    // refuses all three.
    for (const auto &[from, to] : std::vector<std::pair<std::string, std::string>>{
             {"when=\"2023-03-16\"", "when=\"2023-02-30\""},
             {"version=\"5.3.0\"", "version=\"Tesseract 5\""},
             {"<code>make &lt;all&gt;</code>", "<code><hi rend=\"bold\">make</hi></code>"}}) {
        std::string xml = tei_of(full_header_document());
        const auto at = xml.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        xml.replace(at, from.size(), to);
        const xml::XmlDocPtr tree = xml::parse_xml(xml, "edited");
        ASSERT_TRUE(tree);
        core::Diagnostics diags("edited");
        EXPECT_FALSE(validate::SchemaValidator::tei().validate(tree.get(), diags)) << to;
    }
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
    EXPECT_NE(xml.find(" run <code>make &lt;all&gt;</code>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<cell role=\"label\">cell</cell>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<cell>cell</cell>"), std::string::npos) << xml;
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
    for (const core::Document& doc : {fixtures::sample_document(), full_header_document(), core::Document{}}) {
        core::Diagnostics diags("sample");
        const auto tree = tei::build_tei(doc);
        EXPECT_TRUE(validator.validate(tree.get(), diags, "tei.tei-all-invalid"));
        for (const auto& d : diags.items())
            ADD_FAILURE() << core::format_diagnostic(d);
    }
}

TEST(TeiWriter, NumberedListNotFromOneNumbersItsItems)
{
    const core::Document doc = fixtures::numbered_list(7, {"seventh", "eighth"});
    const std::string tei = tei::write_tei(tei::build_tei(doc).get());
    EXPECT_NE(tei.find("<item n=\"7\">seventh</item>"), std::string::npos) << tei;
    EXPECT_NE(tei.find("<item n=\"8\">eighth</item>"), std::string::npos);
    core::Diagnostics diags("list");
    EXPECT_TRUE(valid_against_own_schema(doc, diags));
    const core::Document from_one = fixtures::numbered_list(1, {"first"});
    EXPECT_EQ(tei::write_tei(tei::build_tei(from_one).get()).find(" n=\""), std::string::npos);
}
