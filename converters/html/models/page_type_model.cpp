// The page-type model's bytes (page_type.ubj, XGBoost's binary JSON, written by
// tools/train/train-page-type.py) assembled into the library as they are: no generated source, no
// file to find at run time. CMake passes the file's path and rebuilds this when the model changes.

#include <string_view>

asm(R"(.pushsection .rodata
.balign 16
.hidden colophon_page_type_model_begin
.hidden colophon_page_type_model_end
colophon_page_type_model_begin:
.incbin ")" COLOPHON_PAGE_TYPE_MODEL R"("
colophon_page_type_model_end:
.popsection
)");

extern "C" const char colophon_page_type_model_begin[];
extern "C" const char colophon_page_type_model_end[];

namespace colophon::html {

extern const std::string_view page_type_model;
const std::string_view page_type_model(colophon_page_type_model_begin,
                                       static_cast<std::size_t>(colophon_page_type_model_end -
                                                                colophon_page_type_model_begin));

} // namespace colophon::html
