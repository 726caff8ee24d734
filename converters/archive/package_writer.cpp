#include "archive/package_writer.h"

#include "archive/archive_sink.h"
#include "archive/bag_names.h"
#include "archive/checksums.h"
#include "archive/format_identification.h"
#include "archive/mets_writer.h"
#include "archive/uuid.h"
#include "core/diagnostics.h"
#include "core/version.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
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

std::string utc_timestamp()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
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

namespace {

// A package being written: the temporary output beside the final name, the sink writing into it,
// and every payload file written so far (for METS, manifests and bag-info).
class PackageBuild
{
public:
    PackageBuild(const PackageContents& c, const fs::path& output_dir)
        : c_(c), output_dir_(output_dir), when_(parse_bagging_date(c.options.bagging_date)), name_(display_name(c))
    {
    }

    void check_original();
    void plan_target();
    void open_temporary_output();
    void write_skeleton();
    void stream_original();
    void write_derived_files();
    void write_mets();
    void write_tag_files();
    PackageResult commit();

private:
    EventDates event_dates() const;
    void add_bytes(const std::string& rel, const std::string& use, const std::string& mime, std::string_view bytes,
                   int page);
    std::string bag_info() const;

    const PackageContents& c_;
    const fs::path output_dir_;
    const BaggingTime when_;
    const std::string name_;
    const std::vector<DigestAlgorithm> algs_ = {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512};
    std::uint64_t original_size_ = 0;
    std::string id_;
    fs::path final_path_;
    std::string root_; // "<id>/" inside archives, "" for a directory
    TempGuard temp_;
    std::unique_ptr<Fd> out_fd_;
    std::unique_ptr<EntrySink> sink_;
    std::string bagit_txt_;
    const std::string started_ = utc_timestamp();
    std::string digested_; // when the original's digests were complete
    std::vector<Written> written_;
    std::uint64_t payload_bytes_ = 0;
};

// 1. the original must be a readable regular file; its size goes into the tar header
void PackageBuild::check_original()
{
    struct stat st{};
    if (::stat(c_.original_path.c_str(), &st) != 0)
        throw core::ConversionError("archive.unreadable", c_.original_path.string(), std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        throw core::ConversionError("archive.unreadable", c_.original_path.string(), "not a regular file");
    original_size_ = static_cast<std::uint64_t>(st.st_size);
}

// 2. the package id and final name; an existing package is kept unless overwrite
void PackageBuild::plan_target()
{
    id_ = package_id_for(c_);
    final_path_ = output_dir_ / (id_ + std::string(package_extension(c_.options.format)));
    std::error_code ec;
    if (!fs::is_directory(output_dir_, ec))
        throw core::ConversionError("archive.write-failed", output_dir_.string(), "output directory does not exist");
    if (fs::exists(fs::symlink_status(final_path_, ec)) && !c_.options.overwrite)
        throw core::ConversionError("archive.exists", final_path_.string(),
                                    "package already exists (colophon pack --overwrite replaces it)");
}

// 3. temporary output beside the final name, and the sink for the chosen format
void PackageBuild::open_temporary_output()
{
    const PackageFormat format = c_.options.format;
    const std::string temp_pattern = (output_dir_ / ("." + id_ + ".tmp-XXXXXX")).string();
    std::vector<char> tmpl(temp_pattern.begin(), temp_pattern.end());
    tmpl.push_back('\0');
    if (format == PackageFormat::Directory) {
        if (::mkdtemp(tmpl.data()) == nullptr)
            throw core::ConversionError("archive.write-failed", output_dir_.string(), std::strerror(errno));
        temp_.path = tmpl.data();
        ::chmod(temp_.path.c_str(), 0755);
        sink_ = make_directory_sink(temp_.path, when_.time);
    } else {
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0)
            throw core::ConversionError("archive.write-failed", output_dir_.string(), std::strerror(errno));
        out_fd_ = std::make_unique<Fd>(fd);
        temp_.path = tmpl.data();
        ::fchmod(fd, 0644);
        sink_ = format == PackageFormat::Zip ? make_zip_sink(fd, final_path_.string(), when_.time)
                                             : make_tar_gz_sink(fd, final_path_.string(), when_.time);
    }
    root_ = format == PackageFormat::Directory ? "" : id_ + "/";
}

// 4. bagit.txt and the payload directories
void PackageBuild::write_skeleton()
{
    if (!root_.empty())
        sink_->add_directory(id_);
    bagit_txt_ = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    sink_->write_file(root_ + "bagit.txt", bagit_txt_);
    const bool has_text = !c_.tei_xml.empty() || !c_.plain_text.empty() || !c_.json.empty();
    const auto& pages = c_.document.extraction.ocr_pages;
    const bool has_ocr = std::any_of(pages.begin(), pages.end(), [](const auto& p) { return !p.alto_xml.empty(); });
    sink_->add_directory(root_ + "data");
    sink_->add_directory(root_ + "data/original");
    if (has_text)
        sink_->add_directory(root_ + "data/text");
    if (has_ocr)
        sink_->add_directory(root_ + "data/ocr");
}

// 5. the original, streamed: read once, hashed and compressed chunk by chunk
void PackageBuild::stream_original()
{
    Written w;
    w.file.path = "original/" + safe_original_name(name_);
    w.file.use = "original";
    w.file.mime = mime_of_original(c_);
    w.file.original_name = name_;
    const int fd = ::open(c_.original_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw core::ConversionError("archive.unreadable", c_.original_path.string(), std::strerror(errno));
    const Fd guard(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    sink_->begin_file(root_ + "data/" + w.file.path, original_size_);
    MultiHasher hasher(algs_);
    FormatIdentifier identifier;
    std::vector<char> buf(1 << 20);
    std::uint64_t remaining = original_size_;
    while (remaining > 0) {
        const ssize_t n =
            ::read(fd, buf.data(), static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), remaining)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw core::ConversionError("archive.unreadable", c_.original_path.string(), std::strerror(errno));
        if (n == 0)
            throw core::ConversionError("archive.input-changed", c_.original_path.string(),
                                        "file became shorter while it was packed");
        // Hashed and identified here while the sink's threads compress the chunks before it.
        hasher.update(buf.data(), static_cast<std::size_t>(n));
        identifier.update(buf.data(), static_cast<std::size_t>(n));
        sink_->write(buf.data(), static_cast<std::size_t>(n));
        remaining -= static_cast<std::uint64_t>(n);
    }
    char probe = 0;
    if (::read(fd, &probe, 1) > 0)
        throw core::ConversionError("archive.input-changed", c_.original_path.string(), "file grew while it was packed");
    sink_->end_file();
    auto d = hasher.finish();
    digested_ = utc_timestamp();
    w.file.format = identifier.finish();
    w.file.size = original_size_;
    w.file.sha256 = d.at(DigestAlgorithm::Sha256);
    w.sha512 = d.at(DigestAlgorithm::Sha512);
    written_.push_back(std::move(w));
}

void PackageBuild::add_bytes(const std::string& rel, const std::string& use, const std::string& mime,
                             std::string_view bytes, int page)
{
    Written w;
    w.file.path = rel;
    w.file.use = use;
    w.file.mime = mime;
    w.file.size = bytes.size();
    w.file.page = page;
    w.file.format = identity_for_written(mime);
    auto d = digest_bytes(bytes, algs_);
    w.file.sha256 = d.at(DigestAlgorithm::Sha256);
    w.sha512 = d.at(DigestAlgorithm::Sha512);
    sink_->write_file(root_ + "data/" + rel, bytes);
    written_.push_back(std::move(w));
}

// 6. the derived files (small, in memory)
void PackageBuild::write_derived_files()
{
    const std::string stem = stem_of(name_);
    if (!c_.tei_xml.empty())
        add_bytes("text/" + stem + ".tei.xml", "text/tei", "application/tei+xml", c_.tei_xml, 0);
    if (!c_.plain_text.empty())
        add_bytes("text/" + stem + ".txt", "text/plain", "text/plain", c_.plain_text, 0);
    if (!c_.json.empty())
        add_bytes("text/" + stem + ".json", "text/json", "application/json", c_.json, 0);
    const auto& pages = c_.document.extraction.ocr_pages;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].alto_xml.empty())
            continue;
        const int page = pages[i].page > 0 ? pages[i].page : static_cast<int>(i) + 1;
        char file[40];
        std::snprintf(file, sizeof file, "ocr/page-%04d.alto.xml", page);
        add_bytes(file, "text/ocr", "application/alto+xml", pages[i].alto_xml, page);
    }
}

// Every event at the time it happened, or all at the bagging date asked for.
EventDates PackageBuild::event_dates() const
{
    EventDates d;
    if (!c_.options.bagging_date.empty()) {
        d.ingestion = d.digests = d.identification = d.normalization = d.creation = d.validation = d.packing =
            when_.date_time;
        d.fixed = true;
        return d;
    }
    const auto either = [](const std::string& given, const std::string& fallback) {
        return given.empty() ? fallback : given;
    };
    d.ingestion = either(c_.times.received, started_);
    d.digests = digested_;
    d.identification = digested_;
    d.normalization = either(c_.times.converted, started_);
    d.creation = d.normalization;
    d.validation = either(c_.times.validated, d.normalization);
    d.packing = utc_timestamp();
    return d;
}

// 7. METS over everything written so far (it does not describe itself)
void PackageBuild::write_mets()
{
    MetsInput mets_in;
    mets_in.package_id = id_;
    mets_in.date_time = when_.date_time;
    mets_in.events = event_dates();
    mets_in.contents = &c_;
    for (const auto& w : written_)
        mets_in.files.push_back(w.file);
    const std::string mets = build_mets(mets_in);
    Written w;
    w.file.path = mets_file_name(id_);
    w.file.size = mets.size();
    auto d = digest_bytes(mets, algs_);
    w.file.sha256 = d.at(DigestAlgorithm::Sha256);
    w.sha512 = d.at(DigestAlgorithm::Sha512);
    sink_->write_file(root_ + "data/" + w.file.path, mets);
    written_.push_back(std::move(w));
}

std::string PackageBuild::bag_info() const
{
    const auto& m = c_.document.meta;
    std::string info;
    const auto field = [&info](const char* label, const std::string& value) {
        const std::string v = one_line(value);
        if (!v.empty())
            info += std::string(label) + ": " + v + "\n";
    };
    field("Source-Organization", c_.options.organization);
    field("Organization-Address", c_.options.organization_address);
    field("Contact-Name", c_.options.contact_name);
    field("Contact-Phone", c_.options.contact_phone);
    field("Contact-Email", c_.options.contact_email);
    field("External-Description", m.title.empty() ? name_ : m.title);
    field("Bagging-Date", when_.date);
    field("External-Identifier", !m.canonical_url.empty()          ? m.canonical_url
                                 : !m.original_source.url.empty() ? m.original_source.url
                                                                  : "urn:uuid:" + name_based_uuid(id_ + "/package"));
    field("Bag-Group-Identifier", m.collection);
    field("Bag-Size", human_size(payload_bytes_));
    field("Payload-Oxum", std::to_string(payload_bytes_) + "." + std::to_string(written_.size()));
    field("Bag-Software-Agent", std::string("colophon ") + core::version);
    field("Internal-Sender-Identifier", id_);
    field("Internal-Sender-Description", c_.outcome.status == ConversionStatus::Failed
                                             ? "conversion failed; original kept: " + c_.outcome.failure_reason
                                             : "original with TEI, text and JSON extracted by colophon");
    return info;
}

// 8. bag-info.txt, manifests, tag manifests
void PackageBuild::write_tag_files()
{
    payload_bytes_ = 0;
    for (const auto& w : written_)
        payload_bytes_ += w.file.size;
    const std::string info = bag_info();
    sink_->write_file(root_ + "bag-info.txt", info);

    std::vector<std::pair<std::string, std::string>> tag_files = {{"bagit.txt", bagit_txt_}, {"bag-info.txt", info}};
    std::sort(written_.begin(), written_.end(),
              [](const Written& a, const Written& b) { return a.file.path < b.file.path; });
    for (const auto alg : algs_) {
        std::string manifest;
        for (const auto& w : written_)
            manifest += (alg == DigestAlgorithm::Sha256 ? w.file.sha256 : w.sha512) + "  " +
                        encode_manifest_path("data/" + w.file.path) + "\n";
        const std::string file = "manifest-" + std::string(algorithm_token(alg)) + ".txt";
        sink_->write_file(root_ + file, manifest);
        tag_files.emplace_back(file, manifest);
    }
    for (const auto alg : algs_) {
        std::string manifest;
        for (const auto& [file, bytes] : tag_files)
            manifest += digest_bytes(bytes, {alg}).at(alg) + "  " + file + "\n";
        sink_->write_file(root_ + "tagmanifest-" + std::string(algorithm_token(alg)) + ".txt", manifest);
    }
    sink_->finish();
    sink_.reset();
    out_fd_.reset();
}

// 9. commit: rename over the final name, then make the rename durable
PackageResult PackageBuild::commit()
{
    std::error_code ec;
    if (c_.options.format == PackageFormat::Directory && fs::exists(final_path_, ec) && c_.options.overwrite)
        fs::remove_all(final_path_, ec);
    if (::rename(temp_.path.c_str(), final_path_.c_str()) != 0)
        throw core::ConversionError("archive.write-failed", final_path_.string(), std::strerror(errno));
    temp_.committed = true;
    fsync_directory(output_dir_);
    PackageResult result;
    result.path = final_path_;
    result.id = id_;
    result.payload_bytes = payload_bytes_;
    result.payload_files = written_.size();
    return result;
}

} // namespace

PackageResult write_package(const PackageContents& c, const fs::path& output_dir)
{
    PackageBuild build(c, output_dir);
    build.check_original();
    build.plan_target();
    build.open_temporary_output();
    build.write_skeleton();
    build.stream_original();
    build.write_derived_files();
    build.write_mets();
    build.write_tag_files();
    return build.commit();
}

} // namespace colophon::archive
