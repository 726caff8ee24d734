#pragma once
// A Document that uses every part of the model, for writer tests.

#include "core/document.h"

#include <string>
#include <vector>

namespace colophon::fixtures {
core::Document sample_document();
// A document holding one numbered list of `items`, numbered from `start`.
core::Document numbered_list(int start, const std::vector<std::string> &items);
}
