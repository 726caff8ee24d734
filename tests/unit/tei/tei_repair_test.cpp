// Elements of the TEI text that the schema refuses are unwrapped, their text kept; the header is
// never "repaired".

#include "tei/tei_repair.h"
#include "tei/tei_writer.h"

#include "sample_document.h"
#include "validate/schema_validator.h"

#include <gtest/gtest.h>

using namespace colophon;

namespace {

// The sample document's TEI with `from` replaced by `to`, parsed again.
xml::XmlDocPtr edited_tei(const std::string &from, const std::string &to)
{
    std::string xml = tei::write_tei(tei::build_tei(fixtures::sample_document()).get());
    const auto at = xml.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        xml.replace(at, from.size(), to);
    return xml::parse_xml(xml, "edited");
}

} // namespace

TEST(TeiRepair, ALinkTheSchemaRefusesLeavesItsTextInThePage)
{
    // An empty port: RFC 3986 allows it, xs:anyURI in libxml2 does not.
    const xml::XmlDocPtr tree =
        edited_tei("<ref target=\"https://example.org/x\">", "<ref target=\"http://https://x\">");
    ASSERT_TRUE(tree);
    core::Diagnostics problems("edited");
    std::vector<xmlNode *> refused;
    ASSERT_FALSE(validate::SchemaValidator::tei().validate(tree.get(), problems,
                                                           "tei.schema-invalid", &refused));
    core::Diagnostics diags("edited");
    ASSERT_TRUE(tei::unwrap_refused_elements(refused, diags));
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items().front().code, "tei.element-unwrapped");
    EXPECT_NE(diags.items().front().message.find("http://https://x"), std::string::npos);
    core::Diagnostics after("edited");
    EXPECT_TRUE(validate::SchemaValidator::tei().validate(tree.get(), after));
    const std::string xml = tei::write_tei(tree.get());
    EXPECT_EQ(xml.find("http://https://x"), std::string::npos);
    EXPECT_NE(xml.find("a link"), std::string::npos); // the anchor text stays
}

TEST(TeiRepair, TheHeaderIsNeverRepaired)
{
    const xml::XmlDocPtr tree = edited_tei("when=\"2023-03-16\"", "when=\"2023-02-30\"");
    ASSERT_TRUE(tree);
    core::Diagnostics problems("edited");
    std::vector<xmlNode *> refused;
    ASSERT_FALSE(validate::SchemaValidator::tei().validate(tree.get(), problems,
                                                           "tei.schema-invalid", &refused));
    ASSERT_FALSE(refused.empty());
    core::Diagnostics diags("edited");
    EXPECT_FALSE(tei::unwrap_refused_elements(refused, diags));
    EXPECT_TRUE(diags.items().empty());
}

TEST(TeiRepair, AnErrorWithoutANodeIsNotRepaired)
{
    core::Diagnostics diags("x");
    EXPECT_FALSE(tei::unwrap_refused_elements({nullptr}, diags));
    EXPECT_FALSE(tei::unwrap_refused_elements({}, diags));
}
