#pragma once
// RAII owners for the poppler-glib and GLib handles the PDF converter creates.

#include <poppler.h>

#include <memory>

namespace colophon::pdf {

struct GObjectUnref
{
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
struct GErrorFree
{
    void operator()(GError* e) const
    {
        if (e)
            g_error_free(e);
    }
};
struct GFree
{
    void operator()(gpointer p) const { g_free(p); }
};
struct GBytesUnref
{
    void operator()(GBytes* b) const
    {
        if (b)
            g_bytes_unref(b);
    }
};
struct TextAttributesFree
{
    void operator()(GList* l) const
    {
        if (l)
            poppler_page_free_text_attributes(l);
    }
};
struct LinkMappingFree
{
    void operator()(GList* l) const
    {
        if (l)
            poppler_page_free_link_mapping(l);
    }
};
struct DestFree
{
    void operator()(PopplerDest* d) const
    {
        if (d)
            poppler_dest_free(d);
    }
};

using DocumentPtr = std::unique_ptr<PopplerDocument, GObjectUnref>;
using PagePtr = std::unique_ptr<PopplerPage, GObjectUnref>;
using ErrorPtr = std::unique_ptr<GError, GErrorFree>;
using BytesPtr = std::unique_ptr<GBytes, GBytesUnref>;
using CharPtr = std::unique_ptr<gchar, GFree>;
using RectanglesPtr = std::unique_ptr<PopplerRectangle, GFree>;
using TextAttributesPtr = std::unique_ptr<GList, TextAttributesFree>;
using LinkMappingPtr = std::unique_ptr<GList, LinkMappingFree>;
using DestPtr = std::unique_ptr<PopplerDest, DestFree>;

// Takes ownership of a gchar* returned by poppler; empty string for null.
inline std::string take_string(gchar* s)
{
    const CharPtr owned(s);
    return owned ? std::string(owned.get()) : std::string();
}

} // namespace colophon::pdf
