#pragma once
// Small pages for the pipeline tests, on top of the shared file helpers.

#include "test_files.h"

#include <string>

namespace colophon::testing {

inline std::string html_page(const std::string& title, const std::string& text)
{
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + text + "</p></body></html>";
}

} // namespace colophon::testing
