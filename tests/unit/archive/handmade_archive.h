#pragma once
// Archives built entry by entry, with what our writer never makes (links, "..", absolute paths,
// bombs), for the verifier and extractor tests.

#include "archive/utf8_locale.h"

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace colophon::archive::testing {

inline void add_entry(struct archive* a, const std::string& path, unsigned type, const std::string& bytes,
                      const char* link = nullptr, bool hard = false)
{
    const std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), path.c_str());
    archive_entry_set_filetype(e.get(), type);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(bytes.size()));
    if (link && hard)
        archive_entry_set_hardlink(e.get(), link);
    else if (link)
        archive_entry_set_symlink(e.get(), link);
    archive_write_header(a, e.get());
    if (!bytes.empty())
        archive_write_data(a, bytes.data(), bytes.size());
}

// Writes `out` as a pax tar (gzip-compressed when `gzip`), its entries added by `fill`.
inline std::filesystem::path handmade_archive(const std::filesystem::path& out, const std::function<void(struct archive*)>& fill,
                                              bool gzip = true)
{
    const Utf8LocaleScope utf8;
    const std::unique_ptr<struct archive, int (*)(struct archive*)> a(archive_write_new(), archive_write_free);
    if (gzip)
        archive_write_add_filter_gzip(a.get());
    archive_write_set_format_pax_restricted(a.get());
    archive_write_open_filename(a.get(), out.c_str());
    fill(a.get());
    archive_write_close(a.get());
    return out;
}

} // namespace colophon::archive::testing
