#include "pipeline/converters.h"

#ifdef COLOPHON_HAVE_HTML
#include "htmlstream/windowed_converter.h"
#endif
#ifdef COLOPHON_HAVE_MEDIA_MODULE
#include "pipeline/media_loader.h"
#endif

namespace colophon::pipeline {

std::vector<std::unique_ptr<core::Converter>> make_converters()
{
    std::vector<std::unique_ptr<core::Converter>> out;
#ifdef COLOPHON_HAVE_HTML
    out.push_back(std::make_unique<htmlstream::WindowedHtmlConverter>());
#endif
#ifdef COLOPHON_HAVE_MEDIA_MODULE
    // PDF and page images: loaded on first use (pipeline/media_module.h says why).
    out.push_back(make_lazy_media_converter());
#endif
    return out;
}

core::Converter& pick_converter(const std::vector<std::unique_ptr<core::Converter>>& converters,
                                const core::Input& input)
{
    for (const auto& c : converters) {
        if (c->accepts(input))
            return *c;
    }
    const std::string type(core::media_type_name(input.type));
    if (input.type == core::MediaType::Empty)
        throw core::ConversionError("input.empty", input.display_name, "the file is empty");
    throw core::ConversionError("input.unsupported-type", input.display_name,
                                "unsupported type " + type + " (colophon reads HTML, PDF and page images)");
}

} // namespace colophon::pipeline
