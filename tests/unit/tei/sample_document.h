#pragma once
// A Document that uses every part of the model, for writer tests.

#include "core/document.h"

namespace colophon::fixtures {
core::Document sample_document();
}
