#pragma once
// Verifies a BagIt bag (RFC 8493, and the 0.93-0.97 drafts) given as a directory, .tar(.gz) or
// .zip: structure, bagit.txt, bag-info.txt and Payload-Oxum, every checksum of every payload and
// tag manifest (md5, sha1, sha224, sha256, sha384, sha512), missing, unlisted and duplicate
// entries, fetch.txt (a holey bag is incomplete; nothing is ever fetched) and path safety. For
// colophon packages also the METS (well-formed, schema-valid when the schemas are at hand, fileSec
// checksums equal to the manifest) and the TEI. Archives are read in one streaming pass; nothing
// is written to disk.

#include "archive/bag_snapshot.h"
#include "core/diagnostics.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace colophon::archive {

struct VerifyIssue
{
    core::Severity severity = core::Severity::Error;
    std::string code; // "bag.checksum-mismatch", "archive.damaged", "colophon.mets-invalid", ...
    std::string file; // bag-relative path (or the package) the issue is about
    std::string message;
};

struct VerifyOptions
{
    ReadLimits limits;
    // Directory with mets-bundle.xsd and catalog.xml (../shared/schemas-external); empty = check
    // METS well-formedness and fileSec only.
    std::filesystem::path external_schema_dir;
    // Validates one TEI document; returns error messages (empty = valid). Unset = well-formedness only.
    std::function<std::vector<std::string>(const std::string& xml, const std::string& name)> validate_tei;
};

struct VerifyReport
{
    std::string package;
    std::string bagit_version;
    std::string encoding;
    bool colophon_package = false;
    std::uint64_t payload_bytes = 0;
    std::size_t payload_files = 0;
    std::vector<std::string> manifests; // algorithms checked, e.g. "sha256"
    std::vector<VerifyIssue> issues;

    std::size_t errors() const;
    std::size_t warnings() const;
    bool ok() const { return errors() == 0; } // complete and valid
};

VerifyReport verify_package(const std::filesystem::path& path, const VerifyOptions& options = {});

// "colophon verify: <package>\n  ...\n  RESULT: VALID" for people.
std::string format_report(const VerifyReport& report);
// One JSON object: package, ok, bagit_version, ..., issues[{severity, code, file, message}].
std::string report_json(const VerifyReport& report);

} // namespace colophon::archive
