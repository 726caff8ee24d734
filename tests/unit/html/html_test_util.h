#pragma once
// Helpers shared by the HTML converter tests.

#include "core/text.h"
#include "html/html_converter.h"
#include "test_files.h"

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace colophon::html::test {

inline core::Document convert_html(const std::string& html, core::Diagnostics* out_diags = nullptr,
                                   const std::string& base_url = {})
{
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.base_url = base_url;
    core::Diagnostics diags("test.html");
    core::Document d = conv.convert(core::make_input("test.html", html), opts, diags);
    if (out_diags)
        *out_diags = diags;
    return d;
}

using colophon::testing::read_file;

// Every inline of the document (body and abstract), depth first.
inline void for_each_inline(const std::vector<core::Inline>& v, const std::function<void(const core::Inline&)>& f)
{
    for (const core::Inline& x : v) {
        f(x);
        for_each_inline(x.children, f);
    }
}

inline void for_each_block(const std::vector<core::Block>& v, const std::function<void(const core::Block&)>& f)
{
    for (const core::Block& b : v) {
        f(b);
        for_each_block(b.children, f);
    }
}

inline std::vector<std::pair<std::string, std::string>> all_links(const core::Document& d)
{
    std::vector<std::pair<std::string, std::string>> links;
    auto add = [&](const core::Inline& x) {
        if (x.kind == core::InlineKind::Link)
            links.emplace_back(core::clean_text(core::plain_text(x.children)), x.target);
    };
    for_each_inline(d.meta.abstract, add);
    for_each_block(d.body, [&](const core::Block& b) { for_each_inline(b.content, add); });
    return links;
}

inline std::string body_text(const core::Document& d)
{
    std::string out = core::plain_text(d.meta.abstract);
    for (const core::Block& b : d.body)
        out += "\n\n" + core::plain_text(b);
    return out;
}

} // namespace colophon::html::test
