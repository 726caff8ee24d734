#pragma once
// "-" as a file name: standard input for what is read, standard output for what is written.

#include "core/atomic_file.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::cli {

// Writes `bytes` to `path` atomically, or to standard output (binary, flushed) for "-".
void write_output(const std::string& path, std::string_view bytes);

// An output written a piece at a time: to `path` atomically (it appears on commit()), or to
// standard output as the pieces come for "-".
class OutputStream
{
  public:
    explicit OutputStream(const std::string &path);
    void write(std::string_view bytes);
    void commit();

  private:
    std::optional<core::AtomicFile> file_; // empty for standard output
};

// Copies a finished file to standard output (a corpus written beside the outputs first).
void copy_to_stdout(const std::filesystem::path& file);

// Standard input spooled into a private temporary file (packages read from a pipe: zip needs to
// seek); removed when this goes away. Throws std::runtime_error beyond `max_bytes`.
class SpooledStdin
{
public:
    explicit SpooledStdin(std::size_t max_bytes);
    ~SpooledStdin();
    SpooledStdin(const SpooledStdin&) = delete;
    SpooledStdin& operator=(const SpooledStdin&) = delete;

    // The spooled bytes, named by what their first bytes are: stdin.tar.gz, stdin.zip, stdin.tar.
    const std::filesystem::path& path() const { return path_; }

private:
    void spool(std::size_t max_bytes);

    std::filesystem::path dir_;
    std::filesystem::path path_;
};

// Lines of standard input without blanks and '#' comments (a list of folders for merge).
std::vector<std::string> read_stdin_lines();

} // namespace colophon::cli
