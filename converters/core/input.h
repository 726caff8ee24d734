#pragma once
// One input document: its bytes, the name to show in messages and the type sniffed from content.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace colophon::core {

enum class MediaType
{
    Unknown,
    Html,
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Xml,
    Zip,
    Gzip,
    Empty,
};

std::string_view media_type_name(MediaType t); // "text/html", "application/pdf", ...

// Sniffs the type from the first bytes (magic numbers, then markup), never from the extension.
MediaType sniff_media_type(std::string_view head);

struct Input
{
    std::string display_name;    // path as given, or "-" for standard input
    std::filesystem::path path;  // empty for standard input
    std::string bytes;
    MediaType type = MediaType::Unknown;
};

// Reads a whole file (or standard input for "-"), refusing files above `max_bytes`.
// Throws ConversionError ("input.unreadable", "input.too-large") naming the file.
Input read_input(const std::string& path_or_dash, std::size_t max_bytes);

Input make_input(std::string display_name, std::string bytes);

} // namespace colophon::core
