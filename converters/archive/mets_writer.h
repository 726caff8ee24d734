#pragma once
// METS 1.12.1 document for a package: Dublin Core (and optionally MODS) from the extracted
// metadata, PREMIS 3 objects (fixity, size, format, original name, derivation) and package-level
// events with their agents, a fileSec over every payload file and a physical structMap.

#include "archive/format_identification.h"
#include "archive/package.h"

#include <cstdint>
#include <string>
#include <vector>

namespace colophon::archive {

struct PayloadFile
{
    std::string path;          // relative to data/: "original/report.pdf", "text/report.tei.xml"
    std::string use;           // METS fileGrp USE: original, text/tei, text/plain, text/json, text/ocr
    std::string mime;
    std::uint64_t size = 0;
    std::string sha256;        // lower-case hex, equals the manifest entry
    std::string original_name; // only for the original
    int page = 0;              // 1-based page of an ALTO file
    FormatIdentity format;     // PRONOM identity; unidentified = MIME type only
};

// The date-time of every PREMIS event, resolved by the writer.
struct EventDates
{
    std::string ingestion;
    std::string digests;        // message digest calculation
    std::string identification; // format identification
    std::string normalization;
    std::string creation;       // OCR text created
    std::string validation;
    std::string packing;        // information package creation
    // All of them are the bagging date asked for (--bagging-date), not when the events happened.
    bool fixed = false;
};

struct MetsInput
{
    std::string package_id;
    std::string date_time; // "YYYY-MM-DDThh:mm:ssZ": METS creation date
    EventDates events;
    const PackageContents* contents = nullptr;
    std::vector<PayloadFile> files; // original first
};

// Serialised METS (UTF-8, indented). Identical input gives identical bytes: UUIDs are name-based.
std::string build_mets(const MetsInput& input);

// The METS file name for a package: "METS.<id>.xml".
std::string mets_file_name(const std::string& package_id);

} // namespace colophon::archive
