#pragma once
// What goes into one archival package (one BagIt bag per source document). The pipeline fills
// PackageContents; write_package (package_writer.h) turns it into a bag.

#include "core/document.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace colophon::archive {

enum class PackageFormat
{
    TarGz,     // default: one <id>.tar.gz, POSIX pax tar inside gzip
    Zip,       // <id>.zip (deflate, UTF-8 names, zip64 when needed)
    Directory, // an unpacked bag directory <id>/
};

// "tar.gz" / "tgz", "zip", "dir"; empty when unknown.
std::optional<PackageFormat> parse_package_format(std::string_view s);
std::string_view package_extension(PackageFormat f); // ".tar.gz", ".zip", ""

struct PackageOptions
{
    std::string id;                // package id; empty = slug of the title or file name + hash
    std::string organization;      // bag-info Source-Organization, PREMIS organization agent
    std::string organization_address;
    std::string contact_name;
    std::string contact_email;
    std::string contact_phone;
    // "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ"; empty = now. Fixes every date and file time in
    // the package, so the same input and the same bagging date give the same bytes.
    std::string bagging_date;
    PackageFormat format = PackageFormat::TarGz;
    bool include_mods = true;      // MODS record beside Dublin Core in the METS dmdSec
    bool overwrite = false;        // replace an existing package of the same name
};

enum class ConversionStatus
{
    Success,
    Warnings, // converted; `warnings` says what was doubtful
    Failed,   // nothing usable was extracted; only the original is kept
};

struct ConversionOutcome
{
    ConversionStatus status = ConversionStatus::Success;
    std::vector<std::string> warnings; // formatted diagnostics ("WARNING: ... [code]")
    std::string failed_stage;          // "convert", "ocr", "write", ...
    std::string failure_reason;        // the ConversionError message with its code
    // TEI schema validation, when it ran: nullopt = not run.
    std::optional<bool> tei_valid;
    std::string validation_detail;     // schema name and first errors
};

// When each step of the document's way happened ("YYYY-MM-DDThh:mm:ssZ", UTC, seconds), set by
// whoever ran the step; empty = the time the package is written. Ignored when a bagging date is
// fixed: a reproducible package carries that date everywhere and says so.
struct EventTimes
{
    std::string received;  // the original was read (PREMIS ingestion)
    std::string converted; // conversion finished (normalization; creation of OCR text)
    std::string validated; // the TEI was validated
};

// Now, UTC, to the second: "2026-11-28T14:03:59Z".
std::string utc_timestamp();

struct PackageContents
{
    std::filesystem::path original_path; // streamed, never loaded whole
    std::string original_name;           // display name; kept under data/original/ and in PREMIS
    std::string original_mime;           // empty = document.extraction.source_format or octet-stream
    // The original's path relative to the catalogue root ("reports/1998/april.pdf"), kept in
    // PREMIS originalName; empty = original_name.
    std::string catalogue_path;
    core::Document document;             // metadata for DC/MODS/bag-info; OCR pages with ALTO
    std::string tei_xml;                 // empty when conversion failed
    std::string plain_text;
    std::string json;
    ConversionOutcome outcome;
    EventTimes times;
    PackageOptions options;
};

struct PackageResult
{
    std::filesystem::path path; // the final package (file or directory)
    std::string id;
    std::uint64_t payload_bytes = 0;
    std::size_t payload_files = 0;
};

} // namespace colophon::archive
