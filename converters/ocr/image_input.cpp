#include "ocr/image_input.h"

#include "core/diagnostics.h"

#include <cstdint>
#include <set>

namespace colophon::ocr {
namespace {

constexpr double fallback_dpi = 300;
// Widest page taken at its declared resolution (A3 is 11.7 in; posters are rare in archives).
constexpr double max_page_inches = 17;

// Reads unsigned integers of a TIFF file in its byte order, failing on any read past the end.
class TiffReader
{
public:
    TiffReader(std::string_view bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

    bool read(std::uint64_t offset, int size, std::uint64_t& value) const
    {
        if (offset > bytes_.size() || bytes_.size() - offset < static_cast<std::uint64_t>(size))
            return false;
        value = 0;
        for (int i = 0; i < size; ++i) {
            const auto byte = static_cast<unsigned char>(bytes_[offset + static_cast<std::uint64_t>(
                                                                            big_endian_ ? i : size - 1 - i)]);
            value = (value << 8) | byte;
        }
        return true;
    }

private:
    std::string_view bytes_;
    bool big_endian_;
};

[[noreturn]] void corrupt(const std::string& file, const std::string& why)
{
    throw core::ConversionError("ocr.corrupt-image", file, "corrupt image: " + why);
}

void check_pixels(const ImagePageInfo& page, int index, const core::Limits& limits, const std::string& file)
{
    if (page.width <= 0 || page.height <= 0)
        corrupt(file, "page " + std::to_string(index + 1) + " has no size");
    const long long pixels = static_cast<long long>(page.width) * page.height;
    if (pixels > limits.max_image_pixels)
        throw core::ConversionError("ocr.image-too-large", file,
                                    "page " + std::to_string(index + 1) + " is " + std::to_string(page.width) +
                                        " x " + std::to_string(page.height) + " pixels, over the limit of " +
                                        std::to_string(limits.max_image_pixels) + " pixels");
}

const l_uint8* data_of(const core::Input& input) { return reinterpret_cast<const l_uint8*>(input.bytes.data()); }

} // namespace

std::vector<ImagePageInfo> read_tiff_directory(std::string_view bytes, const std::string& file)
{
    if (bytes.size() < 8)
        corrupt(file, "TIFF header is truncated");
    const bool big_endian = bytes[0] == 'M';
    if (!((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M')))
        corrupt(file, "not a TIFF file");
    const TiffReader in(bytes, big_endian);
    std::uint64_t magic = 0;
    in.read(2, 2, magic);
    const bool big_tiff = magic == 43;
    if (magic != 42 && !big_tiff)
        corrupt(file, "not a TIFF file");
    const int offset_size = big_tiff ? 8 : 4;
    const int count_size = big_tiff ? 8 : 2;
    const int entry_size = big_tiff ? 20 : 12;

    std::uint64_t ifd = 0;
    if (!in.read(big_tiff ? 8 : 4, offset_size, ifd))
        corrupt(file, "TIFF header is truncated");
    std::vector<ImagePageInfo> pages;
    std::set<std::uint64_t> seen; // a directory chain that loops would never end
    while (ifd != 0) {
        if (!seen.insert(ifd).second)
            corrupt(file, "TIFF directory chain loops");
        std::uint64_t entries = 0;
        if (!in.read(ifd, count_size, entries) || entries > 4096)
            corrupt(file, "TIFF directory " + std::to_string(pages.size() + 1) + " is truncated");
        ImagePageInfo page;
        for (std::uint64_t e = 0; e < entries; ++e) {
            const std::uint64_t at = ifd + static_cast<std::uint64_t>(count_size) + e * entry_size;
            std::uint64_t tag = 0, type = 0;
            if (!in.read(at, 2, tag) || !in.read(at + 2, 2, type))
                corrupt(file, "TIFF directory " + std::to_string(pages.size() + 1) + " is truncated");
            if (tag != 256 && tag != 257)
                continue;
            const std::uint64_t value_at = at + 4 + static_cast<std::uint64_t>(offset_size);
            std::uint64_t value = 0;
            const int size = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0;
            if (size == 0 || !in.read(value_at, size, value))
                corrupt(file, "TIFF page " + std::to_string(pages.size() + 1) + " has an unreadable size");
            const int clamped = value > 0x7fffffff ? 0x7fffffff : static_cast<int>(value);
            (tag == 256 ? page.width : page.height) = clamped;
        }
        pages.push_back(page);
        if (!in.read(ifd + static_cast<std::uint64_t>(count_size) + entries * entry_size, offset_size, ifd))
            corrupt(file, "TIFF directory " + std::to_string(pages.size()) + " is truncated");
    }
    if (pages.empty())
        corrupt(file, "TIFF file has no pages");
    return pages;
}

std::vector<ImagePageInfo> read_image_pages(const core::Input& input, const core::Limits& limits)
{
    quiet_leptonica();
    const std::string& file = input.display_name;
    if (input.bytes.empty())
        throw core::ConversionError("ocr.empty-image", file, "image file is empty (0 bytes)");

    std::vector<ImagePageInfo> pages;
    if (input.type == core::MediaType::Tiff) {
        pages = read_tiff_directory(input.bytes, file);
    } else if (input.type == core::MediaType::Png || input.type == core::MediaType::Jpeg) {
        l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
        if (pixReadHeaderMem(data_of(input), input.bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
            corrupt(file, "image header cannot be read");
        pages.push_back({w, h});
    } else {
        throw core::ConversionError("ocr.unsupported-image", file,
                                    "not a PNG, JPEG or TIFF image (" +
                                        std::string(core::media_type_name(input.type)) + ")");
    }
    if (static_cast<long long>(pages.size()) > limits.max_pages)
        throw core::ConversionError("ocr.too-many-pages", file,
                                    std::to_string(pages.size()) + " pages, over the limit of " +
                                        std::to_string(limits.max_pages));
    for (std::size_t i = 0; i < pages.size(); ++i)
        check_pixels(pages[i], static_cast<int>(i), limits, file);
    return pages;
}

PixPtr read_image_page(const core::Input& input, int index)
{
    quiet_leptonica();
    PixPtr pix(input.type == core::MediaType::Tiff ? pixReadMemTiff(data_of(input), input.bytes.size(), index)
                                                   : pixReadMem(data_of(input), input.bytes.size()));
    if (!pix)
        corrupt(input.display_name, "page " + std::to_string(index + 1) + " cannot be decoded");
    return pix;
}

double image_dpi(const Pix* image)
{
    Pix* p = const_cast<Pix*>(image);
    const double res = pixGetXRes(p);
    if (res < 50 || res > 2400 || pixGetWidth(p) / res > max_page_inches)
        return fallback_dpi;
    return res;
}

} // namespace colophon::ocr
