#pragma once
// The HTML converter the pipeline uses: a page up to two windows long (Limits::html_window_bytes)
// is converted whole (html::HtmlConverter); a larger one window by window (windowed_page.h), so
// memory follows the window and not the page.

#include "html/html_converter.h"

namespace colophon::htmlstream {

class WindowedHtmlConverter : public core::Converter
{
  public:
    std::string_view name() const override { return whole_.name(); }
    bool accepts(const core::Input &input) const override { return whole_.accepts(input); }
    core::Document convert(const core::Input &input, const core::ConvertOptions &options,
                           core::Diagnostics &diags) override;

  private:
    html::HtmlConverter whole_;
};

} // namespace colophon::htmlstream
