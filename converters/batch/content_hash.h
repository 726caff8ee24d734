#pragma once
// SHA-256 of input files (OpenSSL EVP), read in fixed-size chunks so memory does not depend on
// the file size. The batch uses it to recognise duplicates and inputs changed since the last run.

#include <filesystem>
#include <string>
#include <string_view>

namespace colophon::batch {

std::string sha256_hex(std::string_view bytes);

// Throws std::runtime_error naming the file when it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

} // namespace colophon::batch
