#include "archive/format_identification.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>

namespace colophon::archive {

namespace {

// PRONOM formats colophon identifies: PUID, format name, version, MIME type. Names and PUIDs as
// PRONOM publishes them (see converters/archive/README.md, "Format identification").
struct PronomFormat
{
    const char* puid;
    const char* name;
    const char* version;
    const char* mime;
};

constexpr const char* pdf_name = "Acrobat PDF %s - Portable Document Format";
constexpr std::array<PronomFormat, 9> pdf_versions{{
    {"fmt/14", "", "1.0", "application/pdf"},
    {"fmt/15", "", "1.1", "application/pdf"},
    {"fmt/16", "", "1.2", "application/pdf"},
    {"fmt/17", "", "1.3", "application/pdf"},
    {"fmt/18", "", "1.4", "application/pdf"},
    {"fmt/19", "", "1.5", "application/pdf"},
    {"fmt/20", "", "1.6", "application/pdf"},
    {"fmt/276", "", "1.7", "application/pdf"},
    {"fmt/1129", "", "2.0", "application/pdf"},
}};
constexpr const char* pdfa_name = "Acrobat PDF/A - Portable Document Format";
constexpr std::array<PronomFormat, 11> pdfa_levels{{
    {"fmt/95", "", "1a", "application/pdf"},
    {"fmt/354", "", "1b", "application/pdf"},
    {"fmt/476", "", "2a", "application/pdf"},
    {"fmt/477", "", "2b", "application/pdf"},
    {"fmt/478", "", "2u", "application/pdf"},
    {"fmt/479", "", "3a", "application/pdf"},
    {"fmt/480", "", "3b", "application/pdf"},
    {"fmt/481", "", "3u", "application/pdf"},
    {"fmt/1910", "", "4", "application/pdf"},
    {"fmt/1911", "", "4e", "application/pdf"},
    {"fmt/1912", "", "4f", "application/pdf"},
}};
constexpr PronomFormat html_generic{"fmt/96", "Hypertext Markup Language", "", "text/html"};
constexpr std::array<std::pair<const char*, PronomFormat>, 6> html_doctypes{{
    {"-//W3C//DTD XHTML 1.1", {"fmt/103", "Extensible Hypertext Markup Language", "1.1", "application/xhtml+xml"}},
    {"-//W3C//DTD XHTML 1.0", {"fmt/102", "Extensible Hypertext Markup Language", "1.0", "application/xhtml+xml"}},
    {"-//W3C//DTD HTML 4.01", {"fmt/100", "Hypertext Markup Language", "4.01", "text/html"}},
    {"-//W3C//DTD HTML 4.0", {"fmt/99", "Hypertext Markup Language", "4.0", "text/html"}},
    {"-//W3C//DTD HTML 3.2", {"fmt/98", "Hypertext Markup Language", "3.2", "text/html"}},
    {"-//IETF//DTD HTML 2.0", {"fmt/97", "Hypertext Markup Language", "2.0", "text/html"}},
}};
constexpr PronomFormat html5{"fmt/471", "Hypertext Markup Language", "5", "text/html"};
constexpr PronomFormat tiff{"fmt/353", "Tagged Image File Format", "", "image/tiff"};
constexpr PronomFormat png10{"fmt/11", "Portable Network Graphics", "1.0", "image/png"};
constexpr PronomFormat png11{"fmt/12", "Portable Network Graphics", "1.1", "image/png"};
constexpr PronomFormat png12{"fmt/13", "Portable Network Graphics", "1.2", "image/png"};
constexpr std::array<PronomFormat, 3> jfif_versions{{
    {"fmt/42", "JPEG File Interchange Format", "1.00", "image/jpeg"},
    {"fmt/43", "JPEG File Interchange Format", "1.01", "image/jpeg"},
    {"fmt/44", "JPEG File Interchange Format", "1.02", "image/jpeg"},
}};
constexpr PronomFormat exif21{"x-fmt/398", "Exchangeable Image File Format (Compressed)", "2.1", "image/jpeg"};
constexpr PronomFormat exif22{"x-fmt/390", "Exchangeable Image File Format (Compressed)", "2.2", "image/jpeg"};
constexpr PronomFormat raw_jpeg{"fmt/41", "Raw JPEG Stream", "", "image/jpeg"};
constexpr PronomFormat jp2{"x-fmt/392", "JP2 (JPEG 2000 part 1)", "", "image/jp2"};
constexpr PronomFormat jpx{"fmt/151", "JPX (JPEG 2000 part 2)", "", "image/jpx"};
constexpr PronomFormat gif87{"fmt/3", "Graphics Interchange Format", "87a", "image/gif"};
constexpr PronomFormat gif89{"fmt/4", "Graphics Interchange Format", "89a", "image/gif"};
constexpr PronomFormat xml10{"fmt/101", "Extensible Markup Language", "1.0", "application/xml"};
constexpr PronomFormat plain_text{"x-fmt/111", "Plain Text File", "", "text/plain"};
constexpr PronomFormat json{"fmt/817", "JSON Data Interchange Format", "", "application/json"};
constexpr PronomFormat zip{"x-fmt/263", "ZIP Format", "", "application/zip"};
constexpr PronomFormat gzip{"x-fmt/266", "GZIP Format", "", "application/gzip"};

// HTML is recognised by markup near the start, after a byte-order mark, white space and
// comments: as far as DROID's HTML signatures look (they search the first kilobytes).
constexpr std::size_t html_search_bytes = 8 * 1024;
// The PDF header may follow a few bytes of junk (PDF readers and DROID allow 1024).
constexpr std::size_t pdf_header_window = 1024;

FormatIdentity make(const PronomFormat& f, std::string basis)
{
    return {f.puid, f.name, f.version, f.mime, std::move(basis)};
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower_ascii(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<FormatIdentity> identify_pdf(std::string_view head, const std::string& part, const std::string& conformance)
{
    const auto at = head.substr(0, pdf_header_window).find("%PDF-");
    if (at == std::string_view::npos || head.size() < at + 8)
        return std::nullopt;
    const std::string version(head.substr(at + 5, 3));
    if (!part.empty()) {
        const std::string level = part + lower_ascii(conformance);
        for (const auto& f : pdfa_levels)
            if (level == f.version)
                return FormatIdentity{f.puid, pdfa_name, f.version, f.mime,
                                      "PDF header " + version + ", XMP pdfaid:part " + part +
                                          (conformance.empty() ? "" : " conformance " + conformance)};
    }
    for (const auto& f : pdf_versions) {
        if (version == f.version) {
            char name[64];
            std::snprintf(name, sizeof name, pdf_name, f.version);
            return FormatIdentity{f.puid, name, f.version, f.mime, "PDF header " + version};
        }
    }
    return FormatIdentity{"", "Portable Document Format", version, "application/pdf",
                          "PDF header with unknown version " + version};
}

// PNG chunk types in the head: iTXt came with PNG 1.2, sRGB, iCCP and sPLT with 1.1.
FormatIdentity identify_png(std::string_view head)
{
    bool v11 = false, v12 = false;
    std::size_t pos = 8;
    while (pos + 8 <= head.size()) {
        const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(head[pos + i])); };
        const std::uint32_t length = (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
        const std::string_view type = head.substr(pos + 4, 4);
        v12 = v12 || type == "iTXt";
        v11 = v11 || type == "sRGB" || type == "iCCP" || type == "sPLT";
        if (type == "IDAT" || type == "IEND")
            break; // ancillary chunks of interest come before the image data
        pos += 12 + static_cast<std::size_t>(length);
    }
    if (v12)
        return make(png12, "PNG signature, iTXt chunk");
    if (v11)
        return make(png11, "PNG signature, PNG 1.1 chunk (sRGB, iCCP or sPLT)");
    return make(png10, "PNG signature, PNG 1.0 chunks only");
}

// JFIF APP0 version, else the ExifVersion tag of an Exif APP1, else a raw JPEG stream.
FormatIdentity identify_jpeg(std::string_view head)
{
    if (head.size() >= 13 && head.substr(6, 5) == std::string_view("JFIF\0", 5)) {
        const int major = static_cast<unsigned char>(head[11]);
        const int minor = static_cast<unsigned char>(head[12]);
        if (major == 1 && minor <= 2)
            return make(jfif_versions[static_cast<std::size_t>(minor)], "JPEG SOI, JFIF APP0 version 1.0" + std::to_string(minor));
        return make(raw_jpeg, "JPEG SOI, JFIF APP0 of unknown version");
    }
    if (head.size() >= 10 && head.substr(6, 4) == "Exif") {
        // ExifVersion (tag 0x9000, UNDEFINED, count 4) in either byte order, followed by "02xx".
        static const std::string le("\x00\x90\x07\x00\x04\x00\x00\x00", 8);
        static const std::string be("\x90\x00\x00\x07\x00\x00\x00\x04", 8);
        for (const std::string& tag : {le, be}) {
            const auto at = head.find(tag);
            if (at != std::string_view::npos && at + 12 <= head.size()) {
                const std::string_view v = head.substr(at + 8, 4);
                if (v == "0210")
                    return make(exif21, "JPEG SOI, Exif APP1, ExifVersion 0210");
                if (v == "0220")
                    return make(exif22, "JPEG SOI, Exif APP1, ExifVersion 0220");
                return {"", exif22.name, std::string(v), "image/jpeg",
                        "JPEG SOI, Exif APP1, ExifVersion " + std::string(v) + " (no PRONOM entry checked)"};
            }
        }
        return make(raw_jpeg, "JPEG SOI, Exif APP1 without ExifVersion");
    }
    return make(raw_jpeg, "JPEG SOI without JFIF or Exif header");
}

std::optional<FormatIdentity> identify_markup(std::string_view head)
{
    std::string_view s = head.substr(0, html_search_bytes);
    if (starts_with(s, "\xEF\xBB\xBF"))
        s.remove_prefix(3);
    const std::string low = lower_ascii(s);
    const auto doctype = low.find("<!doctype");
    if (doctype != std::string::npos) {
        const std::string_view decl = std::string_view(s).substr(doctype, std::min<std::size_t>(300, s.size() - doctype));
        for (const auto& [public_id, f] : html_doctypes)
            if (decl.find(public_id) != std::string_view::npos)
                return make(f, std::string("doctype ") + public_id);
        const std::string d = lower_ascii(decl.substr(0, decl.find('>') + 1));
        std::string compact;
        for (const char c : d)
            if (!std::isspace(static_cast<unsigned char>(c)))
                compact += c;
        if (compact == "<!doctypehtml>")
            return make(html5, "doctype <!DOCTYPE html>");
        if (compact.rfind("<!doctypehtml", 0) == 0)
            return make(html_generic, "HTML doctype without a known public identifier");
    }
    if (low.find("<html") != std::string::npos || low.find("<head") != std::string::npos ||
        low.find("<body") != std::string::npos)
        return make(html_generic, "HTML elements without a doctype");
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    if (starts_with(s.substr(i), "<?xml"))
        return make(xml10, "XML declaration");
    return std::nullopt;
}

std::optional<FormatIdentity> identify_head(std::string_view head, const std::string& part,
                                            const std::string& conformance)
{
    if (auto pdf = identify_pdf(head, part, conformance))
        return pdf;
    if (starts_with(head, "\x89PNG\r\n\x1A\n"))
        return identify_png(head);
    if (starts_with(head, "\xFF\xD8\xFF"))
        return identify_jpeg(head);
    if (starts_with(head, "II*\0") || starts_with(head, std::string_view("MM\0*", 4)))
        return make(tiff, "TIFF byte-order mark and magic number 42");
    if (starts_with(head, std::string_view("\0\0\0\x0CjP  \r\n\x87\n", 12))) {
        const std::string_view brand = head.size() >= 24 ? head.substr(20, 4) : std::string_view();
        return brand == "jpx " ? make(jpx, "JPEG 2000 signature box, brand jpx")
                               : make(jp2, "JPEG 2000 signature box, brand jp2");
    }
    if (starts_with(head, "GIF87a"))
        return make(gif87, "GIF87a signature");
    if (starts_with(head, "GIF89a"))
        return make(gif89, "GIF89a signature");
    if (starts_with(head, "PK\x03\x04"))
        return make(zip, "ZIP local file header");
    if (starts_with(head, "\x1F\x8B"))
        return make(gzip, "gzip magic number");
    return identify_markup(head);
}

} // namespace

void FormatIdentifier::scan_pdf_markers(std::string_view window)
{
    // <pdfaid:part>1</pdfaid:part> or pdfaid:part="1"; the same for conformance.
    const auto value_after = [&](std::string_view key, std::string& out) {
        const auto at = window.find(key);
        if (at == std::string_view::npos || !out.empty())
            return;
        std::size_t i = at + key.size();
        while (i < window.size() && (window[i] == '=' || window[i] == '"' || window[i] == '\'' || window[i] == '>' ||
                                     std::isspace(static_cast<unsigned char>(window[i]))))
            ++i;
        std::string v;
        while (i < window.size() && std::isalnum(static_cast<unsigned char>(window[i])) && v.size() < 4)
            v += window[i++];
        out = v;
    };
    value_after("pdfaid:part", pdfa_part_);
    value_after("pdfaid:conformance", pdfa_conformance_);
}

void FormatIdentifier::update(const char* data, std::size_t size)
{
    const std::string_view chunk(data, size);
    if (head_.size() < head_bytes)
        head_.append(chunk.substr(0, head_bytes - head_.size()));
    total_ += size;
    const bool is_pdf = head_.substr(0, pdf_header_window).find("%PDF-") != std::string::npos;
    if (is_pdf && pdfa_part_.empty()) {
        // Across the boundary with the previous chunk, then the chunk itself.
        std::string boundary = tail_;
        boundary.append(chunk.substr(0, overlap_bytes));
        scan_pdf_markers(boundary);
        scan_pdf_markers(chunk);
    }
    if (size >= overlap_bytes) {
        tail_.assign(chunk.substr(size - overlap_bytes));
    } else {
        tail_.append(chunk);
        if (tail_.size() > overlap_bytes)
            tail_.erase(0, tail_.size() - overlap_bytes);
    }
}

FormatIdentity FormatIdentifier::finish() const
{
    if (total_ == 0)
        return {"", "", "", "application/octet-stream", "empty file"};
    if (auto id = identify_head(head_, pdfa_part_, pdfa_conformance_))
        return *id;
    return {"", "", "", "application/octet-stream", "no PRONOM signature matched"};
}

FormatIdentity identify_format(std::string_view bytes)
{
    FormatIdentifier id;
    id.update(bytes);
    return id.finish();
}

FormatIdentity identity_for_written(std::string_view mime)
{
    if (mime == "application/tei+xml" || mime == "application/alto+xml" || mime == "application/xml")
        return make(xml10, "written by colophon as XML 1.0");
    if (mime == "text/plain")
        return make(plain_text, "written by colophon as UTF-8 plain text");
    if (mime == "application/json")
        return make(json, "written by colophon as JSON");
    return {};
}

} // namespace colophon::archive
