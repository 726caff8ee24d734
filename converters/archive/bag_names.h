#pragma once
// Names inside a bag: RFC 8493 path encoding in manifests, path safety, package identifiers,
// and tag-file line splitting.

#include <string>
#include <string_view>
#include <vector>

namespace colophon::archive {

// Manifest / fetch.txt path encoding: `%` -> %25, CR -> %0D, LF -> %0A and nothing else.
std::string encode_manifest_path(std::string_view path);
// Decodes only %25, %0D and %0A (case-insensitive hex); every other `%` stays as written.
std::string decode_manifest_path(std::string_view path);

// Why a path from a manifest, fetch.txt or an archive entry may not be used; empty when safe.
// Rejects absolute paths, `~` prefixes, `..` components, backslashes, drive letters, NUL and
// empty components.
std::string unsafe_path_reason(std::string_view path);

// Safe package identifier [A-Za-z0-9._-]: ASCII slug of `name` (at most 48 characters, never
// starting with '.' or '-') + '-' + the first 10 hex digits of `hash_hex`.
std::string make_package_id(std::string_view name, std::string_view hash_hex);
bool is_valid_package_id(std::string_view id);

// File name safe to store under data/original/: keeps the name (UTF-8) but replaces `/`, NUL
// and control characters; never empty, `.` or `..`.
std::string safe_original_name(std::string_view name);

// Splits text on LF, CR or CRLF. A final line terminator does not produce an empty line.
std::vector<std::string> split_tag_lines(std::string_view text);

} // namespace colophon::archive
