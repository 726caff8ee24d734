#include "archive/package_writer.h"

#include "archive/archive_sink.h"
#include "archive/bag_names.h"
#include "archive/checksums.h"
#include "archive/mets_writer.h"
#include "archive/uuid.h"
#include "core/diagnostics.h"
#include "core/version.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

namespace colophon::archive {

namespace {

namespace fs = std::filesystem;

struct Fd
{
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

[[noreturn]] void bad_option(const std::string& message)
{
    throw core::ConversionError("archive.bad-option", "", message);
}

// Removes the temporary output unless it was committed (renamed to the final name).
struct TempGuard
{
    fs::path path;
    bool committed = false;
    ~TempGuard()
    {
        if (!committed && !path.empty()) {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    }
};

void fsync_directory(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// bag-info values are single lines: collapse any line break or tab to a space.
std::string one_line(std::string_view s)
{
    std::string out;
    for (const char c : s)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    const auto b = out.find_first_not_of(' ');
    if (b == std::string::npos)
        return {};
    return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

std::string human_size(std::uint64_t bytes)
{
    const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1000 && u < 4) {
        v /= 1000;
        ++u;
    }
    char buf[32];
    if (u == 0)
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

std::string stem_of(std::string_view name)
{
    const auto slash = name.find_last_of('/');
    if (slash != std::string_view::npos)
        name = name.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    if (dot != std::string_view::npos && dot > 0)
        name = name.substr(0, dot);
    std::string slug;
    bool dash = false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && (std::isalnum(u) || c == '_')) {
            if (dash && !slug.empty())
                slug += '-';
            dash = false;
            slug += c;
        } else {
            dash = true;
        }
        if (slug.size() >= 64)
            break;
    }
    return slug.empty() ? std::string("document") : slug;
}

std::string display_name(const PackageContents& c)
{
    return c.original_name.empty() ? c.original_path.filename().string() : c.original_name;
}

// A cheap identity for the id hash: name, size and the first and last 64 KiB, so the id is
// known before the original is streamed and differs for different content of the same name.
std::string identity_hash(const PackageContents& c, std::uint64_t size)
{
    MultiHasher h({DigestAlgorithm::Sha256});
    const std::string name = display_name(c);
    h.update(name);
    h.update(std::string(1, '\0') + std::to_string(size) + '\0');
    const int fd = ::open(c.original_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        const Fd guard(fd);
        std::vector<char> buf(64 * 1024);
        ssize_t n = ::pread(fd, buf.data(), buf.size(), 0);
        if (n > 0)
            h.update(buf.data(), static_cast<std::size_t>(n));
        if (size > buf.size()) {
            n = ::pread(fd, buf.data(), buf.size(), static_cast<off_t>(size - buf.size()));
            if (n > 0)
                h.update(buf.data(), static_cast<std::size_t>(n));
        }
    }
    return h.finish().at(DigestAlgorithm::Sha256);
}

std::string mime_of_original(const PackageContents& c)
{
    if (!c.original_mime.empty())
        return c.original_mime;
    if (!c.document.extraction.source_format.empty())
        return c.document.extraction.source_format;
    return "application/octet-stream";
}

struct Written
{
    PayloadFile file;
    std::string sha512;
};

} // namespace

std::optional<PackageFormat> parse_package_format(std::string_view s)
{
    if (s == "tar.gz" || s == "tgz" || s == ".tar.gz")
        return PackageFormat::TarGz;
    if (s == "zip" || s == ".zip")
        return PackageFormat::Zip;
    if (s == "dir" || s == "directory")
        return PackageFormat::Directory;
    return std::nullopt;
}

std::string_view package_extension(PackageFormat f)
{
    switch (f) {
    case PackageFormat::TarGz: return ".tar.gz";
    case PackageFormat::Zip: return ".zip";
    case PackageFormat::Directory: return "";
    }
    return "";
}

BaggingTime parse_bagging_date(const std::string& s)
{
    std::tm tm{};
    BaggingTime out;
    if (s.empty()) {
        out.time = std::time(nullptr);
        gmtime_r(&out.time, &tm);
    } else {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
        char tail = 0;
        const int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &tail);
        const bool date_only = s.size() == 10 && n == 3;
        const bool full = (n == 6 && s.size() == 19) || (n == 7 && tail == 'Z' && s.size() == 20);
        if (!(date_only || full) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 ||
            y < 1970)
            bad_option("bagging date \"" + s + "\" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = sec;
        out.time = timegm(&tm);
        gmtime_r(&out.time, &tm);
        if (tm.tm_mday != d)
            bad_option("bagging date \"" + s + "\" does not exist");
    }
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    out.date = buf;
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    out.date_time = buf;
    return out;
}

std::string package_id_for(const PackageContents& c)
{
    if (!c.options.id.empty()) {
        if (!is_valid_package_id(c.options.id))
            bad_option("package id \"" + c.options.id + "\" must be ASCII letters, digits, '.', '_' or '-'");
        return c.options.id;
    }
    std::error_code ec;
    const auto size = fs::file_size(c.original_path, ec);
    const std::string base = c.document.meta.title.empty() ? stem_of(display_name(c)) : c.document.meta.title;
    return make_package_id(base, identity_hash(c, ec ? 0 : size));
}

PackageResult write_package(const PackageContents& c, const fs::path& output_dir)
{
    const BaggingTime when = parse_bagging_date(c.options.bagging_date);
    const std::string name = display_name(c);

    // 1. the original must be a readable regular file; its size goes into the tar header
    struct stat st{};
    if (::stat(c.original_path.c_str(), &st) != 0)
        throw core::ConversionError("archive.unreadable", c.original_path.string(), std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        throw core::ConversionError("archive.unreadable", c.original_path.string(), "not a regular file");
    const auto original_size = static_cast<std::uint64_t>(st.st_size);

    const std::string id = package_id_for(c);
    const PackageFormat format = c.options.format;
    const fs::path final_path = output_dir / (id + std::string(package_extension(format)));

    std::error_code ec;
    if (!fs::is_directory(output_dir, ec))
        throw core::ConversionError("archive.write-failed", output_dir.string(), "output directory does not exist");
    if (fs::exists(fs::symlink_status(final_path, ec)) && !c.options.overwrite)
        throw core::ConversionError("archive.exists", final_path.string(),
                                    "package already exists (colophon pack --overwrite replaces it)");

    // 2. temporary output beside the final name
    TempGuard temp;
    std::unique_ptr<Fd> out_fd;
    std::unique_ptr<EntrySink> sink;
    const std::string temp_pattern = (output_dir / ("." + id + ".tmp-XXXXXX")).string();
    std::vector<char> tmpl(temp_pattern.begin(), temp_pattern.end());
    tmpl.push_back('\0');
    if (format == PackageFormat::Directory) {
        if (::mkdtemp(tmpl.data()) == nullptr)
            throw core::ConversionError("archive.write-failed", output_dir.string(), std::strerror(errno));
        temp.path = tmpl.data();
        ::chmod(temp.path.c_str(), 0755);
        sink = make_directory_sink(temp.path, when.time);
    } else {
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0)
            throw core::ConversionError("archive.write-failed", output_dir.string(), std::strerror(errno));
        out_fd = std::make_unique<Fd>(fd);
        temp.path = tmpl.data();
        ::fchmod(fd, 0644);
        sink = format == PackageFormat::Zip ? make_zip_sink(fd, final_path.string(), when.time)
                                            : make_tar_gz_sink(fd, final_path.string(), when.time);
    }
    const std::string root = format == PackageFormat::Directory ? "" : id + "/";
    const std::vector<DigestAlgorithm> algs = {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512};

    // 3. bagit.txt and the payload directories
    if (!root.empty())
        sink->add_directory(id);
    const std::string bagit_txt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    sink->write_file(root + "bagit.txt", bagit_txt);

    const bool has_text = !c.tei_xml.empty() || !c.plain_text.empty() || !c.json.empty();
    const auto& pages = c.document.extraction.ocr_pages;
    const bool has_ocr = std::any_of(pages.begin(), pages.end(), [](const auto& p) { return !p.alto_xml.empty(); });
    sink->add_directory(root + "data");
    sink->add_directory(root + "data/original");
    if (has_text)
        sink->add_directory(root + "data/text");
    if (has_ocr)
        sink->add_directory(root + "data/ocr");

    std::vector<Written> written;
    // 4. the original, streamed: read once, hashed and compressed chunk by chunk
    {
        Written w;
        w.file.path = "original/" + safe_original_name(name);
        w.file.use = "original";
        w.file.mime = mime_of_original(c);
        w.file.original_name = name;
        const int fd = ::open(c.original_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw core::ConversionError("archive.unreadable", c.original_path.string(), std::strerror(errno));
        const Fd guard(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
        sink->begin_file(root + "data/" + w.file.path, original_size);
        MultiHasher hasher(algs);
        std::vector<char> buf(1 << 20);
        std::uint64_t remaining = original_size;
        while (remaining > 0) {
            const ssize_t n = ::read(fd, buf.data(), static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), remaining)));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw core::ConversionError("archive.unreadable", c.original_path.string(), std::strerror(errno));
            if (n == 0)
                throw core::ConversionError("archive.input-changed", c.original_path.string(),
                                            "file became shorter while it was packed");
            // Hash on a second core while this one compresses the same (read-only) chunk.
            auto hashed = std::async(std::launch::async,
                                     [&hasher, &buf, n] { hasher.update(buf.data(), static_cast<std::size_t>(n)); });
            sink->write(buf.data(), static_cast<std::size_t>(n));
            hashed.get();
            remaining -= static_cast<std::uint64_t>(n);
        }
        char probe = 0;
        if (::read(fd, &probe, 1) > 0)
            throw core::ConversionError("archive.input-changed", c.original_path.string(),
                                        "file grew while it was packed");
        sink->end_file();
        auto d = hasher.finish();
        w.file.size = original_size;
        w.file.sha256 = d.at(DigestAlgorithm::Sha256);
        w.sha512 = d.at(DigestAlgorithm::Sha512);
        written.push_back(std::move(w));
    }

    // 5. the derived files (small, in memory)
    const auto add_bytes = [&](const std::string& rel, const std::string& use, const std::string& mime,
                               std::string_view bytes, int page) {
        Written w;
        w.file.path = rel;
        w.file.use = use;
        w.file.mime = mime;
        w.file.size = bytes.size();
        w.file.page = page;
        auto d = digest_bytes(bytes, algs);
        w.file.sha256 = d.at(DigestAlgorithm::Sha256);
        w.sha512 = d.at(DigestAlgorithm::Sha512);
        sink->write_file(root + "data/" + rel, bytes);
        written.push_back(std::move(w));
    };
    const std::string stem = stem_of(name);
    if (!c.tei_xml.empty())
        add_bytes("text/" + stem + ".tei.xml", "text/tei", "application/tei+xml", c.tei_xml, 0);
    if (!c.plain_text.empty())
        add_bytes("text/" + stem + ".txt", "text/plain", "text/plain", c.plain_text, 0);
    if (!c.json.empty())
        add_bytes("text/" + stem + ".json", "text/json", "application/json", c.json, 0);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].alto_xml.empty())
            continue;
        const int page = pages[i].page > 0 ? pages[i].page : static_cast<int>(i) + 1;
        char file[40];
        std::snprintf(file, sizeof file, "ocr/page-%04d.alto.xml", page);
        add_bytes(file, "text/ocr", "application/alto+xml", pages[i].alto_xml, page);
    }

    // 6. METS over everything written so far (it does not describe itself)
    MetsInput mets_in;
    mets_in.package_id = id;
    mets_in.date_time = when.date_time;
    mets_in.contents = &c;
    for (const auto& w : written)
        mets_in.files.push_back(w.file);
    const std::string mets = build_mets(mets_in);
    {
        Written w;
        w.file.path = mets_file_name(id);
        w.file.size = mets.size();
        auto d = digest_bytes(mets, algs);
        w.file.sha256 = d.at(DigestAlgorithm::Sha256);
        w.sha512 = d.at(DigestAlgorithm::Sha512);
        sink->write_file(root + "data/" + w.file.path, mets);
        written.push_back(std::move(w));
    }

    // 7. bag-info.txt, manifests, tag manifests
    std::uint64_t payload_bytes = 0;
    for (const auto& w : written)
        payload_bytes += w.file.size;
    const auto& m = c.document.meta;
    std::string info;
    const auto field = [&info](const char* label, const std::string& value) {
        const std::string v = one_line(value);
        if (!v.empty())
            info += std::string(label) + ": " + v + "\n";
    };
    field("Source-Organization", c.options.organization);
    field("Organization-Address", c.options.organization_address);
    field("Contact-Name", c.options.contact_name);
    field("Contact-Phone", c.options.contact_phone);
    field("Contact-Email", c.options.contact_email);
    field("External-Description", m.title.empty() ? name : m.title);
    field("Bagging-Date", when.date);
    field("External-Identifier", !m.canonical_url.empty()      ? m.canonical_url
                                 : !m.original_source.url.empty() ? m.original_source.url
                                                                  : "urn:uuid:" + name_based_uuid(id + "/package"));
    field("Bag-Size", human_size(payload_bytes));
    field("Payload-Oxum", std::to_string(payload_bytes) + "." + std::to_string(written.size()));
    field("Bag-Software-Agent", std::string("colophon ") + core::version);
    field("Internal-Sender-Identifier", id);
    field("Internal-Sender-Description", c.outcome.status == ConversionStatus::Failed
                                             ? "conversion failed; original kept: " + c.outcome.failure_reason
                                             : "original with TEI, text and JSON extracted by colophon");
    sink->write_file(root + "bag-info.txt", info);

    std::vector<std::pair<std::string, std::string>> tag_files = {{"bagit.txt", bagit_txt},
                                                                  {"bag-info.txt", info}};
    std::sort(written.begin(), written.end(),
              [](const Written& a, const Written& b) { return a.file.path < b.file.path; });
    for (const auto alg : algs) {
        std::string manifest;
        for (const auto& w : written)
            manifest += (alg == DigestAlgorithm::Sha256 ? w.file.sha256 : w.sha512) + "  " +
                        encode_manifest_path("data/" + w.file.path) + "\n";
        const std::string file = "manifest-" + std::string(algorithm_token(alg)) + ".txt";
        sink->write_file(root + file, manifest);
        tag_files.emplace_back(file, manifest);
    }
    for (const auto alg : algs) {
        std::string manifest;
        for (const auto& [file, bytes] : tag_files)
            manifest += digest_bytes(bytes, {alg}).at(alg) + "  " + file + "\n";
        sink->write_file(root + "tagmanifest-" + std::string(algorithm_token(alg)) + ".txt", manifest);
    }
    sink->finish();
    sink.reset();
    out_fd.reset();

    // 8. commit: rename over the final name, then make the rename durable
    if (format == PackageFormat::Directory && fs::exists(final_path, ec) && c.options.overwrite)
        fs::remove_all(final_path, ec);
    if (::rename(temp.path.c_str(), final_path.c_str()) != 0)
        throw core::ConversionError("archive.write-failed", final_path.string(), std::strerror(errno));
    temp.committed = true;
    fsync_directory(output_dir);

    PackageResult result;
    result.path = final_path;
    result.id = id;
    result.payload_bytes = payload_bytes;
    result.payload_files = written.size();
    return result;
}

} // namespace colophon::archive
