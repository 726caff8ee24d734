#pragma once
// One document of a batch, inside a worker: read -> hash/claim -> convert -> catalogue
// metadata -> render and validate -> write outputs atomically -> package. Every failure is
// recorded with the stage it happened in; outputs of a failed document are removed.

#include "pipeline/convert.h"
#include "pool/worker_pool.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace colophon::batch {

struct DocumentSettings
{
    std::filesystem::path output_dir;
    std::vector<pipeline::OutputFormat> formats{pipeline::OutputFormat::Tei};
    bool package = false;             // one archival package per document (failed ones too)
    std::string package_format = "tar.gz";
    std::string bagging_date;         // fixed date for reproducible packages; empty = now
    bool corpus = false;              // keep one corpus line per document
    bool review = false;              // one review page per document (<stem>.review.html)
    int review_dpi = 60;              // resolution the review page draws PDF pages at
    core::ConvertOptions convert;
};

// The review page's name: the output stem and this.
extern const char *const review_page_extension;

// Where a document's corpus line is kept (one gzip member), relative to the output directory.
std::string corpus_record_path(const std::string& output_stem);

// The corpus line of one document: tei::build_corpus_record with the batch's id and key.
nlohmann::json build_corpus_record(const core::Document& doc, const pool::DocumentJob& job);

// Runs in a worker; throws nothing the pool would not record (it catches the rest).
state::DocumentRecord convert_document(const pool::DocumentJob& job, pool::WorkerContext& ctx,
                                       const pipeline::DocumentConverter& converter, const DocumentSettings& settings);

using ConverterSetFactory = std::function<std::vector<std::unique_ptr<core::Converter>>()>;

// The factory the pool calls in each new worker: one DocumentConverter per worker, built from
// `converters` (default: every converter of this build).
pool::DocumentFunctionFactory document_function_factory(DocumentSettings settings, ConverterSetFactory converters = {});

// Whether this build can write packages (the archive module is linked).
bool packaging_available();

} // namespace colophon::batch
