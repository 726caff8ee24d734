#pragma once
// Numbers that tell the kinds of web page apart, for the page-type model (html_page_type.cpp):
// what the page declares (schema.org types, og:type, the words of its address) and how its markup
// is built (repeated cards and rows, posts, forms, prices, code, prose). Read from the parsed tree
// before cleaning, so training (tools/train/train-page-type.py, through colophon-eval-html
// --page-features) and recognition see the same numbers.

#include "html/html_page_type.h"

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace colophon::html {

// Column names, in the order page_features() fills them; the model is trained on this order.
const std::vector<std::string>& page_feature_names();

// One row of page_feature_names().size() values.
std::vector<float> page_features(xmlDoc* doc, const PageSignals& signals, const std::string& url);

} // namespace colophon::html
