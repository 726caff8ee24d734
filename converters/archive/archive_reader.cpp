#include "archive/archive_reader.h"

#include "archive/bag_names.h"

namespace colophon::archive {

ArchiveReadPtr open_archive_for_reading(const std::filesystem::path& file, std::string& error)
{
    ArchiveReadPtr a(archive_read_new());
    if (!a) {
        error = "out of memory";
        return nullptr;
    }
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), file.c_str(), 64 * 1024) != ARCHIVE_OK) {
        error = archive_message(a.get(), "cannot open");
        return nullptr;
    }
    return a;
}

std::string archive_message(struct archive* a, const char* fallback)
{
    const char* message = archive_error_string(a);
    return message ? message : fallback;
}

std::string entry_path(archive_entry* entry)
{
    const char* utf8 = archive_entry_pathname_utf8(entry);
    const char* raw = archive_entry_pathname(entry);
    std::string path = utf8 ? utf8 : (raw ? raw : "");
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    while (path.rfind("./", 0) == 0)
        path.erase(0, 2);
    return path;
}

std::optional<EntryRefusal> refuse_entry(archive_entry* entry, const std::string& path)
{
    if (std::string unsafe = unsafe_path_reason(path); !unsafe.empty())
        return EntryRefusal{"archive.unsafe-path", std::move(unsafe)};
    if (archive_entry_hardlink(entry) != nullptr)
        return EntryRefusal{"archive.hardlink", "hard link entry in the archive"};
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFLNK)
        return EntryRefusal{"archive.symlink", "symbolic link entry in the archive"};
    if (type != AE_IFDIR && type != AE_IFREG)
        return EntryRefusal{"archive.special-file", "device, fifo or socket entry in the archive"};
    return std::nullopt;
}

} // namespace colophon::archive
