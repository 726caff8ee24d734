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

// When the document's steps happened (UTC, "YYYY-MM-DDThh:mm:ssZ"); empty when a step never ran.
struct StepTimes
{
    std::string received;  // read
    std::string converted; // converted (or failed)
    std::string validated; // rendered and its TEI validated
};

struct PackageRequest
{
    const pool::DocumentJob& job;
    const core::Input& input;
    const core::Document* document;  // null when conversion failed before a Document existed
    pipeline::Rendered* rendered;    // null when the document failed; its strings are moved into the package
    const core::Diagnostics& diags;
    const state::DocumentRecord* failure;   // the failed record (stage, code, reason); null on success
    StepTimes times;
};

// The package id of a document: the last part of its output stem when that is a safe id
// ([A-Za-z0-9._-]), else its safe form + '-' + 10 hex digits of a hash of the stem, so two
// stems that differ only in characters an id cannot hold still get different packages.
std::string package_id_for_stem(const std::string& output_stem);

// Writes the package and returns its path relative to the output directory. Throws
// core::ConversionError ("batch.no-archive" when this build has no archive module).
std::string write_document_package(const PackageRequest& request, const DocumentSettings& settings);

} // namespace colophon::batch
