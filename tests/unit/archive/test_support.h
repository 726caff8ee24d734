#pragma once
// Shared fixtures for the archive tests: a sample document, an original file and a scratch dir.

#include "archive/package.h"
#include "test_files.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>

namespace colophon::archive::testing {

inline std::filesystem::path shared_dir() { return COLOPHON_SHARED_DIR; }

using colophon::testing::read_file;
using colophon::testing::TempDir;
using colophon::testing::write_file;

inline PackageContents sample_contents(const std::filesystem::path& original)
{
    PackageContents c;
    c.original_path = original;
    c.original_name = "Report on 100% Ümlauts.pdf";
    c.original_mime = "application/pdf";
    auto& m = c.document.meta;
    m.title = "On the Preservation of Small Magazines";
    m.subtitle = "A Field Report";
    m.authors = {{"Ada Lovelace", "Analytical Society", ""}, {"Charles Babbage", "", ""}};
    m.date.iso = "2021-03-04";
    m.publisher = "Example Quarterly";
    m.canonical_url = "https://example.org/articles/42";
    m.language = "en";
    m.original_source.title = "Eurasia Daily Monitor";
    m.original_source.url = "https://example.org/edm";
    m.keywords = {"archives", "magazines"};
    m.abstract = {core::Inline::make_text("A short lede.")};
    c.document.extraction.method = "pdf-text+ocr";
    c.document.extraction.source_format = "application/pdf";
    c.document.extraction.ocr_engine = "Tesseract 5.3.0";
    c.document.extraction.ocr_languages = "eng";
    core::OcrPage page;
    page.page = 2;
    page.mean_confidence = 91;
    // The smallest ALTO 4.4 document the official schema accepts (the verifier checks it).
    page.alto_xml = "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout>"
                    "<Page ID=\"page_2\" PHYSICAL_IMG_NR=\"2\" HEIGHT=\"100\" WIDTH=\"80\"/></Layout></alto>\n";
    c.document.extraction.ocr_pages.push_back(page);
    c.tei_xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>\n";
    c.plain_text = "On the Preservation of Small Magazines\n\nA short lede.\n";
    c.json = "{\"title\": \"On the Preservation of Small Magazines\"}\n";
    c.outcome.status = ConversionStatus::Warnings;
    c.outcome.warnings = {"WARNING: report.pdf (page 2): no usable text layer, using OCR [pdf.no-text-layer]"};
    c.outcome.tei_valid = true;
    c.options.organization = "Spengler University Library";
    c.options.contact_name = "Edna Janssen";
    c.options.contact_email = "ej@example.org";
    c.options.bagging_date = "2026-01-02";
    return c;
}

// Pseudo-random bytes (deterministic), so compression cannot hide a size bug.
inline std::string random_bytes(std::size_t n, unsigned seed = 7)
{
    std::mt19937 gen(seed);
    std::string s(n, '\0');
    for (auto& ch : s)
        ch = static_cast<char>(gen() & 0xFF);
    return s;
}

} // namespace colophon::archive::testing
