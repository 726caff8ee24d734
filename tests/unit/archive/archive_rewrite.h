#pragma once
// Test helper: copies a package archive entry by entry, letting a test change, drop or add
// entries, so corruption is tested through the real archive reader.

#include "archive/archive_sink.h"
#include "archive/utf8_locale.h"

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <functional>
#include <optional>
#include <unistd.h>
#include <vector>

namespace colophon::archive::testing {

// transform(path, bytes) returns the new bytes, or nullopt to drop the entry.
inline void rewrite_archive(const std::filesystem::path& src, const std::filesystem::path& dst, bool zip,
                            const std::function<std::optional<std::string>(const std::string&, std::string)>& transform,
                            const std::vector<std::pair<std::string, std::string>>& extra = {})
{
    const Utf8LocaleScope utf8;
    struct archive* in = archive_read_new();
    archive_read_support_filter_all(in);
    archive_read_support_format_all(in);
    archive_read_open_filename(in, src.c_str(), 65536);
    const int fd = ::open(dst.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    {
        auto sink = zip ? make_zip_sink(fd, dst.string(), 0) : make_tar_gz_sink(fd, dst.string(), 0);
        archive_entry* e = nullptr;
        while (archive_read_next_header(in, &e) == ARCHIVE_OK) {
            std::string path = archive_entry_pathname_utf8(e) ? archive_entry_pathname_utf8(e) : archive_entry_pathname(e);
            if (archive_entry_filetype(e) == AE_IFDIR) {
                while (!path.empty() && path.back() == '/')
                    path.pop_back();
                sink->add_directory(path);
                continue;
            }
            std::string bytes;
            char buf[65536];
            la_ssize_t n;
            while ((n = archive_read_data(in, buf, sizeof buf)) > 0)
                bytes.append(buf, static_cast<std::size_t>(n));
            const auto out = transform(path, std::move(bytes));
            if (out)
                sink->write_file(path, *out);
        }
        for (const auto& [path, bytes] : extra)
            sink->write_file(path, bytes);
        sink->finish();
    }
    ::close(fd);
    archive_read_free(in);
}

} // namespace colophon::archive::testing
