#pragma once
// Writes one BagIt 1.0 package (RFC 8493) for one source document:
//   <id>/bagit.txt, bag-info.txt, manifest-sha256.txt, manifest-sha512.txt,
//   tagmanifest-sha256.txt, tagmanifest-sha512.txt,
//   data/original/<name>, data/text/<stem>.tei.xml|.txt|.json, data/ocr/page-NNNN.alto.xml,
//   data/METS.<id>.xml
// The original is streamed once (hashed with SHA-256 and SHA-512 while it is compressed), so
// memory does not depend on its size. The package is written under a temporary name in the
// output directory, fsync'd and renamed: a crash never leaves a half package under the final name.

#include "archive/package.h"

#include <ctime>
#include <filesystem>
#include <string>

namespace colophon::archive {

// Throws core::ConversionError: "archive.unreadable" (original), "archive.bad-option" (id, date),
// "archive.exists" (final name taken and !overwrite), "archive.write-failed",
// "archive.input-changed" (the original changed size while it was read).
PackageResult write_package(const PackageContents& contents, const std::filesystem::path& output_dir);

// The package id write_package would use (options.id when set and valid).
std::string package_id_for(const PackageContents& contents);

struct BaggingTime
{
    std::string date;      // "YYYY-MM-DD" (bag-info Bagging-Date)
    std::string date_time; // "YYYY-MM-DDThh:mm:ssZ" (METS and PREMIS dates)
    std::time_t time = 0;  // file mtimes in the package
};
// Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss[Z]"; empty = now (UTC). Throws "archive.bad-option".
BaggingTime parse_bagging_date(const std::string& s);

} // namespace colophon::archive
