#pragma once
// Format identification for PREMIS: PRONOM identifiers (PUID, format name, version) from the
// bytes of a file, the way DROID and Siegfried identify them (magic numbers and internal
// markers, never the file name). The identifier is fed the same chunks that are hashed and
// compressed while the original is streamed, so a file of any size is identified in that one
// pass; it keeps only the head, a short overlap between chunks and what it found.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace colophon::archive {

struct FormatIdentity
{
    std::string puid;    // "fmt/18"; empty when no PRONOM format fits
    std::string name;    // PRONOM format name: "Acrobat PDF 1.4 - Portable Document Format"
    std::string version; // "1.4", "1b", "1.01"; empty when PRONOM has none for this format
    std::string mime;    // "application/pdf"
    // Why this identity: "PDF header 1.4, XMP pdfaid part 1 conformance B".
    std::string basis;

    bool identified() const { return !puid.empty(); }
};

class FormatIdentifier
{
public:
    // Feed every byte of the file in order, in chunks of any size.
    void update(const char* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    FormatIdentity finish() const;

private:
    // Bytes kept from the start (magic numbers, PDF header, HTML doctype, PNG chunks).
    static constexpr std::size_t head_bytes = 64 * 1024;
    // Markers are searched across chunk boundaries with this much of the previous chunk.
    static constexpr std::size_t overlap_bytes = 256;

    void scan_pdf_markers(std::string_view window);

    std::string head_;
    std::string tail_; // the last overlap_bytes seen
    std::uint64_t total_ = 0;
    // PDF/A identification from the XMP packet (pdfaid:part / pdfaid:conformance).
    std::string pdfa_part_;
    std::string pdfa_conformance_;
};

// Identifies a whole buffer (derived files, tests).
FormatIdentity identify_format(std::string_view bytes);

// The PRONOM identity of the files colophon itself writes, by their MIME type: XML (TEI, ALTO,
// METS), plain text, JSON. Empty identity for other types.
FormatIdentity identity_for_written(std::string_view mime);

} // namespace colophon::archive
