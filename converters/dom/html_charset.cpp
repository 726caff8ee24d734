#include "dom/html_charset.h"

#include "core/text.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>

namespace colophon::dom {

namespace {

struct IconvClose
{
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
struct UchardetFree
{
    void operator()(uchardet* u) const { uchardet_delete(u); }
};

std::string upper_ascii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool ieq_prefix(std::string_view s, std::size_t at, std::string_view word)
{
    if (at + word.size() > s.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = s[at + i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

// Pulls a charset name out of `charset=NAME` inside a meta tag's text.
std::string charset_after(std::string_view tag)
{
    for (std::size_t i = 0; i + 8 <= tag.size(); ++i) {
        if (!ieq_prefix(tag, i, "charset"))
            continue;
        std::size_t j = i + 7;
        while (j < tag.size() && (tag[j] == ' ' || tag[j] == '\t'))
            ++j;
        if (j >= tag.size() || tag[j] != '=')
            continue;
        ++j;
        while (j < tag.size() && (tag[j] == ' ' || tag[j] == '"' || tag[j] == '\''))
            ++j;
        std::size_t k = j;
        while (k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '-' ||
                                  tag[k] == '_' || tag[k] == ':' || tag[k] == '.'))
            ++k;
        if (k > j)
            return upper_ascii(tag.substr(j, k - j));
    }
    return {};
}

std::string normalise_charset(std::string cs)
{
    // Browsers read these labels as their supersets (WHATWG Encoding Standard).
    if (cs == "ISO-8859-1" || cs == "LATIN1" || cs == "US-ASCII" || cs == "ASCII")
        return "WINDOWS-1252";
    if (cs == "UTF8")
        return "UTF-8";
    if (cs == "CP1251" || cs == "WIN-1251")
        return "WINDOWS-1251";
    if (cs == "GB2312")
        return "GBK";
    return cs;
}

} // namespace

std::string declared_charset(std::string_view bytes)
{
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 8192));
    for (std::size_t i = 0; i + 5 < head.size(); ++i) {
        if (head[i] != '<' || !ieq_prefix(head, i + 1, "meta"))
            continue;
        const std::size_t end = head.find('>', i);
        const std::string_view tag = head.substr(i, end == std::string_view::npos ? head.size() - i : end - i);
        std::string cs = charset_after(tag);
        if (!cs.empty())
            return normalise_charset(std::move(cs));
    }
    return {};
}

bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out)
{
    iconv_t raw = iconv_open("UTF-8", charset.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1))
        return false;
    const std::unique_ptr<void, IconvClose> cd(raw);
    out.clear();
    out.reserve(bytes.size() + bytes.size() / 2);
    // iconv's input parameter is not const, but it only reads through it: no copy of the page.
    char* src = const_cast<char*>(bytes.data());
    std::size_t src_left = bytes.size();
    char buf[16384];
    int bad = 0;
    while (src_left > 0) {
        char* dst = buf;
        std::size_t dst_left = sizeof buf;
        const std::size_t r = iconv(raw, &src, &src_left, &dst, &dst_left);
        out.append(buf, static_cast<std::size_t>(dst - buf));
        if (r == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG)
                continue;
            // An undecodable byte: keep going with a replacement character, give up when most are bad.
            if (++bad > 64 && static_cast<std::size_t>(bad) > bytes.size() / 20)
                return false;
            out += "\xEF\xBF\xBD";
            ++src;
            --src_left;
        }
    }
    return true;
}

DecodedHtml decode_html(std::string_view bytes)
{
    DecodedHtml d;
    // 1. byte-order mark
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        d.charset = "UTF-8";
        d.how = "bom";
        bytes.remove_prefix(3);
    } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        d.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        d.how = "bom";
        bytes.remove_prefix(2);
    }
    // 2. the page's declaration (a page served as UTF-8 but declaring another charset is common,
    // so valid UTF-8 wins over a single-byte declaration)
    const bool valid_utf8 = core::is_valid_utf8(bytes);
    if (d.charset.empty()) {
        const std::string declared = declared_charset(bytes);
        if (!declared.empty()) {
            d.how = "meta";
            d.charset = declared;
            bool ascii = true;
            for (const char c : bytes)
                if (static_cast<unsigned char>(c) >= 0x80) {
                    ascii = false;
                    break;
                }
            // A UTF-16 label on ASCII-compatible bytes is a mistake, and non-ASCII bytes that are
            // valid UTF-8 are almost never a single-byte encoding.
            if (declared.find("UTF-16") != std::string::npos || (valid_utf8 && !ascii))
                d.charset = "UTF-8";
        }
    }
    // 3. detection
    if (d.charset.empty()) {
        if (valid_utf8) {
            d.charset = "UTF-8";
            d.how = "default";
        } else {
            const std::unique_ptr<uchardet, UchardetFree> det(uchardet_new());
            const std::size_t sample = std::min<std::size_t>(bytes.size(), 256 * 1024);
            if (det && uchardet_handle_data(det.get(), bytes.data(), sample) == 0) {
                uchardet_data_end(det.get());
                const char* cs = uchardet_get_charset(det.get());
                if (cs != nullptr && *cs != '\0')
                    d.charset = normalise_charset(upper_ascii(cs));
            }
            d.how = "detected";
            if (d.charset.empty())
                d.charset = "WINDOWS-1252";
        }
    }
    // repair_utf8 also drops C0 controls that XML cannot carry; clean UTF-8 is used as it is.
    const auto use_utf8 = [&](DecodedHtml& r) {
        r.original = bytes;
        if (!valid_utf8 || core::needs_utf8_repair(bytes))
            r.converted = core::repair_utf8(bytes);
        r.repaired = !valid_utf8;
    };
    if (d.charset == "UTF-8") {
        use_utf8(d);
        return d;
    }
    std::string out;
    if (convert_to_utf8(bytes, d.charset, out)) {
        d.original = bytes;
        if (core::needs_utf8_repair(out))
            out = core::repair_utf8(out);
        d.converted = std::move(out);
        return d;
    }
    d.charset = "UTF-8";
    d.how = "default";
    use_utf8(d);
    return d;
}

} // namespace colophon::dom
