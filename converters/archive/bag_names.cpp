#include "archive/bag_names.h"

#include "core/text.h"

#include <cctype>

namespace colophon::archive {

std::string encode_manifest_path(std::string_view path)
{
    std::string out;
    out.reserve(path.size());
    for (const char c : path) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

std::string decode_manifest_path(std::string_view path)
{
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size()) {
            const char a = path[i + 1];
            const char b = static_cast<char>(std::toupper(static_cast<unsigned char>(path[i + 2])));
            if (a == '2' && b == '5') {
                out += '%';
                i += 2;
                continue;
            }
            if (a == '0' && b == 'D') {
                out += '\r';
                i += 2;
                continue;
            }
            if (a == '0' && b == 'A') {
                out += '\n';
                i += 2;
                continue;
            }
        }
        out += path[i];
    }
    return out;
}

std::string unsafe_path_reason(std::string_view path)
{
    if (path.empty())
        return "empty path";
    if (path.find('\0') != std::string_view::npos)
        return "path contains NUL";
    if (path.front() == '/')
        return "absolute path";
    if (path.front() == '~')
        return "path starts with '~' (home directory shortcut)";
    if (path.find('\\') != std::string_view::npos)
        return "path contains a backslash (Windows separator)";
    if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0])))
        return "path starts with a drive letter";
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part == "..")
            return "path contains '..'";
        if (part.empty() && end != path.size())
            return "path contains an empty component";
        start = end + 1;
    }
    return {};
}

std::string make_package_id(std::string_view name, std::string_view hash_hex)
{
    std::string slug;
    bool dash = false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            if (dash && !slug.empty())
                slug += '-';
            dash = false;
            slug += static_cast<char>(std::tolower(u));
        } else {
            dash = true;
        }
        if (slug.size() >= 48)
            break;
    }
    if (slug.empty())
        slug = "document";
    return slug + "-" + std::string(hash_hex.substr(0, 10));
}

bool is_valid_package_id(std::string_view id)
{
    if (id.empty() || id.size() > 128 || id.front() == '.' || id.front() == '-')
        return false;
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (!(u < 0x80 && (std::isalnum(u) || c == '.' || c == '_' || c == '-')))
            return false;
    }
    return true;
}

std::string safe_original_name(std::string_view name)
{
    const auto slash = name.find_last_of('/');
    if (slash != std::string_view::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (const char c : core::repair_utf8(name)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7F || c == '\\') ? '_' : c;
    }
    if (out.empty() || out == "." || out == "..")
        out = "original";
    return core::to_nfc(out);
}

std::vector<std::string> split_tag_lines(std::string_view text)
{
    std::vector<std::string> lines;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            lines.push_back(std::move(current));
            current.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            current += c;
        }
    }
    if (!current.empty())
        lines.push_back(std::move(current));
    return lines;
}

} // namespace colophon::archive
