#pragma once
// RAII ownership for Leptonica images, so an exception between create and destroy cannot leak one.

#include <leptonica/allheaders.h>

#include <memory>

namespace colophon::ocr {

struct PixDestroy
{
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDestroy>;

// Silences Leptonica's messages on stderr once per process: every failure is reported through
// ConversionError or Diagnostics instead.
void quiet_leptonica();

} // namespace colophon::ocr
