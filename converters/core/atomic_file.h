#pragma once
// Output files appear whole or not at all: written to a temporary name in the target directory,
// flushed to disk, then renamed over the final name.

#include <filesystem>
#include <string_view>

namespace colophon::core {

// Throws std::runtime_error naming the file and the reason when it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace colophon::core
