// "Originally published in X" of a PDF, with X's link annotation, reaches the TEI header as
// sourceDesc/bibl[@type='originallyPublishedIn'], as it does for HTML. Measured on the generated
// articles of ../shared/corpora/pdf-gen2 against their ground truth.

#include "pdf/pdf_converter.h"

#include "core/input.h"
#include "tei/tei_writer.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace colophon;
namespace fs = std::filesystem;

namespace {

const fs::path pdf_gen2 = fs::path(COLOPHON_SHARED_DIR) / "corpora" / "pdf-gen2";

core::Document convert(const fs::path &path)
{
    const core::Input input = core::read_input(path.string(), 200u * 1024 * 1024);
    core::Diagnostics diags(path.string());
    pdf::PdfConverter conv;
    return conv.convert(input, {}, diags);
}

} // namespace

TEST(PdfProvenance, OriginallyPublishedInAndItsLinkReachTheTeiHeader)
{
    if (!fs::exists(pdf_gen2 / "MANIFEST.json"))
        GTEST_SKIP() << pdf_gen2 << " not found (the shared corpora are not here)";
    int checked = 0;
    for (const auto &entry : nlohmann::json::parse(std::ifstream(pdf_gen2 / "MANIFEST.json"))) {
        if (entry.value("scanned", false))
            continue;
        const nlohmann::json gt = nlohmann::json::parse(
            std::ifstream(pdf_gen2 / (entry["id"].get<std::string>() + ".json")));
        if (!gt["originally_published_in"].is_string())
            continue;
        const std::string series = gt["originally_published_in"];
        std::string uri;
        for (const auto &link : gt["links"])
            if (link["text"] == series)
                uri = link["uri"];
        const core::Document doc = convert(pdf_gen2 / entry["pdf"].get<std::string>());
        SCOPED_TRACE(entry["id"].get<std::string>());
        EXPECT_EQ(doc.meta.original_source.title, series);
        EXPECT_EQ(doc.meta.original_source.url, uri);
        const std::string tei = tei::write_tei(tei::build_tei(doc).get());
        // sourceDesc/biblStruct/relatedItem[@type='originallyPublishedIn']/bibl, the line as printed
        const auto related = tei.find("<relatedItem type=\"originallyPublishedIn\">");
        ASSERT_NE(related, std::string::npos);
        EXPECT_NE(tei.find("<bibl>Originally published in the <title level=\"j\">" + series + "</title><ptr target=\"" +
                               uri + "\"/></bibl>",
                           related),
                  std::string::npos);
        ++checked;
    }
    EXPECT_GT(checked, 0);
}
