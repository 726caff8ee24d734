#pragma once
// Output files appear whole or not at all: written to a temporary name in the target directory,
// flushed to disk, then renamed over the final name.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>

namespace colophon::core {

// An output file written in pieces: it appears under its name on commit(), whole; until then the
// bytes go (buffered) to a temporary file beside it, removed if the object dies uncommitted.
// Throws std::runtime_error naming the file and the reason when it cannot be written.
class AtomicFile
{
  public:
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    void write(std::string_view bytes);
    void commit();

  private:
    struct FileClose
    {
        void operator()(std::FILE *f) const { std::fclose(f); }
    };
    std::filesystem::path path_;
    std::filesystem::path tmp_; // empty once committed
    std::unique_ptr<std::FILE, FileClose> file_;
};

// Throws std::runtime_error naming the file and the reason when it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace colophon::core
