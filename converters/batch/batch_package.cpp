#include "batch/batch_package.h"

#include "batch/batch_document.h"
#include "batch/manifest.h"

#include <nlohmann/json.hpp>

#ifdef COLOPHON_HAVE_ARCHIVE
#include "archive/package.h"
#include "archive/package_writer.h"
#endif

#include <filesystem>

namespace colophon::batch {

namespace fs = std::filesystem;

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
    const bool known = req.input.type != core::MediaType::Unknown && req.input.type != core::MediaType::Empty;
    c.original_mime = known ? std::string(core::media_type_name(req.input.type)) : std::string();
    if (req.document) {
        c.document = *req.document;
    } else if (!req.job.catalogue.empty()) {
        // Nothing was extracted: the catalogue still describes the package.
        apply_catalogue(catalogue_from_json(nlohmann::json::parse(req.job.catalogue)), c.document);
    }
    if (c.document.extraction.source_format.empty())
        c.document.extraction.source_format = c.original_mime;
    if (req.rendered) {
        c.tei_xml = req.rendered->tei;
        c.plain_text = req.rendered->text;
        c.json = req.rendered->json;
    }
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
    c.options.id = req.job.identifier;
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
