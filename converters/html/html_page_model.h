#pragma once
// The kind of web page as the trained page-type model sees it (converters/html/models/
// page_type.json, trained by tools/train/train-page-type.py on the shared HTML sets, embedded in
// the program at build time), weighed against what the page declares.

#include "html/html_page_type.h"

#include <span>
#include <string>

namespace colophon::html {

struct KindGuess
{
    const PageProfile* kind = nullptr;
    float probability = 0; // the model's probability for that kind
};

// The model's most probable kind for one row of page_features().
KindGuess guess_page_kind(std::span<const float> features);

// The kind of page: the model's guess when it is sure enough, else declared_page_kind().
// `features` are page_features() of the page, `url` its address (may be empty).
const PageProfile& classify_page(std::span<const float> features, const PageSignals& signals, const std::string& url);

} // namespace colophon::html
