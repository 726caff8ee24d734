#pragma once
// Where the entries of a package go: a gzip'd POSIX tar, a zip or a plain directory. Every
// sink is reproducible: fixed mtime, uid/gid 0, mode 0644/0755, entries in the order written,
// no gzip timestamp or name.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace colophon::archive {

class EntrySink
{
public:
    virtual ~EntrySink() = default;
    // `path` is relative to the archive root and uses '/' ("pkg/data/text").
    virtual void add_directory(const std::string& path) = 0;
    // The size must be known up front (tar headers carry it); write exactly `size` bytes.
    virtual void begin_file(const std::string& path, std::uint64_t size) = 0;
    virtual void write(const char* data, std::size_t size) = 0;
    virtual void end_file() = 0;
    // Flushes everything and fsyncs it; throws on any write error.
    virtual void finish() = 0;

    void write_file(const std::string& path, std::string_view bytes)
    {
        begin_file(path, bytes.size());
        write(bytes.data(), bytes.size());
        end_file();
    }
};

// Writes to `fd` (owned by the caller, left open). `name` is used in error messages.
std::unique_ptr<EntrySink> make_tar_gz_sink(int fd, std::string name, std::time_t mtime,
                                            int gzip_level = 6);
std::unique_ptr<EntrySink> make_zip_sink(int fd, std::string name, std::time_t mtime);
// Writes below `root`, which must exist and be empty.
std::unique_ptr<EntrySink> make_directory_sink(std::filesystem::path root, std::time_t mtime);

} // namespace colophon::archive
