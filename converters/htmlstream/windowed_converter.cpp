#include "htmlstream/windowed_converter.h"

#include "htmlstream/windowed_page.h"

namespace colophon::htmlstream {

core::Document WindowedHtmlConverter::convert(const core::Input &input,
                                              const core::ConvertOptions &options,
                                              core::Diagnostics &diags)
{
    if (input.bytes.size() / 2 <= options.limits.html_window_bytes)
        return whole_.convert(input, options, diags);
    // The page's own copy: the windows after the first are parsed after `input` may be gone.
    std::string utf8(html::read_page_text(input, options, diags).utf8());
    return convert_in_windows(std::move(utf8),
                              input.display_name.empty() ? "input.html" : input.display_name,
                              options, diags);
}

} // namespace colophon::htmlstream
