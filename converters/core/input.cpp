#include "input.h"

#include "diagnostics.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace colophon::core {

std::string_view media_type_name(MediaType t)
{
    switch (t) {
    case MediaType::Html:
        return "text/html";
    case MediaType::Pdf:
        return "application/pdf";
    case MediaType::Png:
        return "image/png";
    case MediaType::Jpeg:
        return "image/jpeg";
    case MediaType::Tiff:
        return "image/tiff";
    case MediaType::Xml:
        return "application/xml";
    case MediaType::Zip:
        return "application/zip";
    case MediaType::Gzip:
        return "application/gzip";
    case MediaType::Empty:
        return "application/x-empty";
    case MediaType::Unknown:
        break;
    }
    return "application/octet-stream";
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool iequals_prefix(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    return std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

// A PDF whose "%PDF-" line was lost (cut off, or never written by a broken producer) still opens
// with the comment of binary bytes writers put on its second line ("%\xE2\xE3\xCF\xD3") and
// still holds numbered objects; Poppler reads it.
bool is_headerless_pdf(std::string_view head)
{
    if (head.size() < 5 || head[0] != '%')
        return false;
    for (std::size_t i = 1; i < 5; ++i)
        if (static_cast<unsigned char>(head[i]) < 0x80)
            return false;
    const std::string_view start = head.substr(0, 4096);
    const auto obj = start.find(" obj");
    return obj != std::string_view::npos && obj > 0 && std::isdigit(static_cast<unsigned char>(start[obj - 1])) &&
           start.find("<<") != std::string_view::npos;
}

} // namespace

MediaType sniff_media_type(std::string_view head)
{
    if (head.empty())
        return MediaType::Empty;
    // PDF readers accept the header anywhere in the first 1024 bytes.
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos || is_headerless_pdf(head))
        return MediaType::Pdf;
    if (starts_with(head, "\x89PNG\r\n\x1a\n"))
        return MediaType::Png;
    if (starts_with(head, "\xff\xd8\xff"))
        return MediaType::Jpeg;
    if (starts_with(head, std::string_view("II*\0", 4)) || starts_with(head, std::string_view("MM\0*", 4)))
        return MediaType::Tiff;
    if (starts_with(head, "PK\x03\x04"))
        return MediaType::Zip;
    if (starts_with(head, "\x1f\x8b"))
        return MediaType::Gzip;

    std::string_view text = head.substr(0, 4096);
    if (starts_with(text, "\xef\xbb\xbf"))
        text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return MediaType::Unknown;
    text.remove_prefix(first);
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div",
                                 "<p>", "<article", "<!--"}) {
        if (iequals_prefix(text, tag))
            return MediaType::Html;
    }
    if (starts_with(text, "<?xml")) {
        // XHTML is HTML for our purposes.
        std::string lower(text.substr(0, 1024));
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return lower.find("<html") != std::string::npos ? MediaType::Html : MediaType::Xml;
    }
    // A text file with markup further in (a fragment with leading prose) still counts as HTML.
    if (text.front() == '<') {
        std::string lower(text.substr(0, 4096));
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower.find("<p") != std::string::npos || lower.find("<div") != std::string::npos)
            return MediaType::Html;
    }
    return MediaType::Unknown;
}

Input make_input(std::string display_name, std::string bytes)
{
    Input in;
    in.display_name = std::move(display_name);
    in.bytes = std::move(bytes);
    in.type = sniff_media_type(in.bytes);
    return in;
}

Input read_input(const std::string& path_or_dash, std::size_t max_bytes)
{
    if (path_or_dash == "-") {
        std::string bytes;
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (bytes.size() > max_bytes)
                throw ConversionError("input.too-large", "-",
                                      "standard input exceeds the limit of " + std::to_string(max_bytes) + " bytes");
        }
        return make_input("-", std::move(bytes));
    }
    const std::filesystem::path path(path_or_dash);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ConversionError("input.unreadable", path_or_dash, "is a directory, not a document");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw ConversionError("input.unreadable", path_or_dash, "cannot read: " + ec.message());
    if (size > max_bytes)
        throw ConversionError("input.too-large", path_or_dash,
                              "file is " + std::to_string(size) + " bytes, above the limit of " +
                                  std::to_string(max_bytes) + " (see --max-input-bytes)");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw ConversionError("input.unreadable", path_or_dash, "cannot open: " + std::string(std::strerror(errno)));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    file.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(file.gcount()));
    Input in = make_input(path_or_dash, std::move(bytes));
    in.path = path;
    return in;
}

} // namespace colophon::core
