#pragma once
// Catalogue manifest: a CSV or TSV file with one row per document. Columns are named in a header
// row (case and spacing do not matter): `path` (required, relative to the manifest's folder),
// `identifier`/`id`, and catalogue fields that override or complete the extracted metadata:
// title, subtitle, authors (separated by ';'), date, language, publisher, source/source_url/url,
// collection, rights, series, keywords (';'). Other columns are kept as extra catalogue fields.

#include "core/diagnostics.h"
#include "core/document.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace colophon::batch {

struct CatalogueRecord
{
    std::string path;        // as catalogued, relative to the manifest's folder (PREMIS originalName)
    std::string identifier;
    std::string title;
    std::string subtitle;
    std::vector<std::string> authors;
    std::string date;        // as catalogued; ISO when it parses as a date
    std::string language;
    std::string publisher;
    std::string source_url;
    std::string collection;
    std::string rights;
    std::string series;
    std::vector<std::string> keywords;
    std::map<std::string, std::string> extra; // unknown columns, by normalised header name

    bool empty() const;
};

struct ManifestEntry
{
    std::filesystem::path path; // resolved against the manifest's folder
    CatalogueRecord record;
    int line = 0;               // in the manifest, for messages
};

// Reads and checks a manifest (libcsv); throws std::runtime_error naming the file and line
// (missing `path` column, malformed quoting, a row whose field count differs from the header's,
// duplicate identifier).
std::vector<ManifestEntry> read_manifest(const std::filesystem::path& manifest);

// As a JSON object holding only the fields that are set (stored in the state database).
nlohmann::json catalogue_to_json(const CatalogueRecord& record);
CatalogueRecord catalogue_from_json(const nlohmann::json& j);

// Catalogue values win over extracted ones; empty catalogue values leave the extraction alone.
// A value that cannot be read (a date that is no date, a language that is no tag, a source that
// is no URI) is a warning in `diags` naming the field and the value ("batch.catalogue-field").
void apply_catalogue(const CatalogueRecord& record, core::Document& doc, core::Diagnostics* diags = nullptr);

} // namespace colophon::batch
