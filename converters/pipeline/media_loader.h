#pragma once
// Finds and loads libcolophon-media.so (media_module.h) once per process, and stands in for its
// converters until a document needs them.
//
// Where the module is looked for: $COLOPHON_MODULE_DIR, then <prefix>/lib/colophon beside the
// installed program, then the build tree it was built in.

#include "core/converter.h"
#include "pipeline/media_module.h"

#include <filesystem>
#include <memory>
#include <string>

namespace colophon::pipeline {

// The loaded module; throws ConversionError "setup.module-missing" (a set-up problem: exit 2)
// naming the places looked at, or when the module is of another build. Thread-safe.
const MediaModuleApi& media_module(const std::string& file);

// Where the module was loaded from (empty before it is).
std::filesystem::path media_module_path();

// Accepts the module's media types without loading it; loads it at the first convert.
std::unique_ptr<core::Converter> make_lazy_media_converter();

} // namespace colophon::pipeline
