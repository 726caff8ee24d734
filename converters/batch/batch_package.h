#pragma once
// The batch's bridge to the archive module: one BagIt package per document, written beside the
// other outputs. A failed document still gets a package holding its original and a PREMIS event
// saying why it failed, so a batch loses nothing.

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/input.h"
#include "state/batch_record.h"

#include <string>

namespace colophon::pool {
struct DocumentJob;
}
namespace colophon::pipeline {
struct Rendered;
}

namespace colophon::batch {

struct DocumentSettings;

struct PackageRequest
{
    const pool::DocumentJob& job;
    const core::Input& input;
    const core::Document* document;  // null when conversion failed before a Document existed
    const pipeline::Rendered* rendered;        // null when the document failed
    const core::Diagnostics& diags;
    const state::DocumentRecord* failure;   // the failed record (stage, code, reason); null on success
};

// Writes the package and returns its path relative to the output directory. Throws
// core::ConversionError ("batch.no-archive" when this build has no archive module).
std::string write_document_package(const PackageRequest& request, const DocumentSettings& settings);

} // namespace colophon::batch
