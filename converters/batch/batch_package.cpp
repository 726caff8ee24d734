#include "batch/batch_package.h"

#include "batch/batch_document.h"
#include "batch/batch_inputs.h"
#include "batch/content_hash.h"
#include "batch/manifest.h"

#include <nlohmann/json.hpp>

#ifdef COLOPHON_HAVE_ARCHIVE
#include "archive/package.h"
#include "archive/package_writer.h"
#endif

#include <algorithm>
#include <filesystem>

namespace colophon::batch {

namespace fs = std::filesystem;

namespace {

// Package ids stay well under the 128 characters archive ids may have, with room for the hash.
constexpr std::size_t max_id_base = 100;

bool is_id_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

} // namespace

std::string package_id_for_stem(const std::string& output_stem)
{
    const std::string base = output_stem.substr(output_stem.rfind('/') + 1);
    const bool safe = !base.empty() && base.size() <= max_id_base && base.front() != '.' && base.front() != '-' &&
                      std::all_of(base.begin(), base.end(), is_id_character);
    if (safe)
        return base;
    std::string id = safe_identifier(base).substr(0, max_id_base);
    return id + "-" + sha256_hex(output_stem).substr(0, 10);
}

#ifdef COLOPHON_HAVE_ARCHIVE

bool packaging_available()
{
    return true;
}

std::string write_document_package(const PackageRequest& req, const DocumentSettings& settings)
{
    archive::PackageContents c;
    c.original_path = req.input.path;
    c.original_name = fs::path(req.job.input_path).filename().string();
    // As the manifest catalogues it, else the path below the catalogue root (the key).
    const CatalogueRecord record =
        req.job.catalogue.empty() ? CatalogueRecord{} : catalogue_from_json(nlohmann::json::parse(req.job.catalogue));
    c.catalogue_path = record.path.empty() ? req.job.key : record.path;
    const bool known = req.input.type != core::MediaType::Unknown && req.input.type != core::MediaType::Empty;
    c.original_mime = known ? std::string(core::media_type_name(req.input.type)) : std::string();
    if (req.document) {
        // The body is not packaged (the TEI is): copying it would double a large document's memory.
        c.document.meta = req.document->meta;
        c.document.extraction = req.document->extraction;
    } else if (!req.job.catalogue.empty()) {
        // Nothing was extracted: the catalogue still describes the package.
        apply_catalogue(record, c.document);
    }
    if (c.document.extraction.source_format.empty())
        c.document.extraction.source_format = c.original_mime;
    if (req.rendered) {
        c.tei_xml = std::move(req.rendered->tei);
        c.plain_text = std::move(req.rendered->text);
        c.json = std::move(req.rendered->json);
    }
    c.times.received = req.times.received;
    c.times.converted = req.times.converted;
    c.times.validated = req.times.validated;
    for (const core::Diagnostic& d : req.diags.items()) {
        if (d.severity != core::Severity::Info)
            c.outcome.warnings.push_back(core::format_diagnostic(d));
    }
    if (req.failure) {
        c.outcome.status = archive::ConversionStatus::Failed;
        c.outcome.failed_stage = req.failure->stage;
        c.outcome.failure_reason = req.failure->reason + " [" + req.failure->code + "]";
        if (req.failure->code.starts_with("tei.schema")) {
            c.outcome.tei_valid = false;
            c.outcome.validation_detail = req.failure->reason;
        }
    } else {
        c.outcome.status = c.outcome.warnings.empty() ? archive::ConversionStatus::Success
                                                      : archive::ConversionStatus::Warnings;
        c.outcome.tei_valid = true; // render_all validated it before we got here
        c.outcome.validation_detail = "valid against colophon-tei.xsd";
    }
    c.options.id = package_id_for_stem(req.job.output_stem);
    c.options.bagging_date = settings.bagging_date;
    c.options.overwrite = true; // a re-run replaces the package of an earlier attempt
    const auto format = archive::parse_package_format(settings.package_format);
    if (!format)
        throw core::ConversionError("batch.bad-option", req.job.input_path,
                                    "unknown package format '" + settings.package_format + "'");
    c.options.format = *format;

    const fs::path dir = (settings.output_dir / req.job.output_stem).parent_path();
    fs::create_directories(dir);
    const archive::PackageResult result = archive::write_package(c, dir);
    return result.path.lexically_relative(settings.output_dir).generic_string();
}

#else

bool packaging_available()
{
    return false;
}

std::string write_document_package(const PackageRequest& req, const DocumentSettings&)
{
    throw core::ConversionError("batch.no-archive", req.job.input_path,
                                "this build of colophon has no archive module; cannot write packages");
}

#endif

} // namespace colophon::batch
