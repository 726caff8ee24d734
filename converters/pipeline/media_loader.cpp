#include "pipeline/media_loader.h"

#include "core/version.h"

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace colophon::pipeline {

namespace {

namespace fs = std::filesystem;

struct Loaded
{
    const MediaModuleApi* api = nullptr;
    fs::path path;
    std::string error; // why loading failed, for every later attempt too
};

fs::path executable_dir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

std::vector<fs::path> candidates()
{
    std::vector<fs::path> out;
    if (const char* env = std::getenv("COLOPHON_MODULE_DIR"); env && *env)
        out.push_back(fs::path(env) / media_module_file);
    const fs::path exe = executable_dir();
    if (!exe.empty())
        out.push_back((exe / ".." / "lib" / "colophon" / media_module_file).lexically_normal());
#ifdef COLOPHON_MODULE_BUILD_PATH
    out.push_back(COLOPHON_MODULE_BUILD_PATH);
#endif
    return out;
}

Loaded load()
{
    Loaded l;
    std::string tried;
    for (const fs::path& p : candidates()) {
        std::error_code ec;
        if (!fs::exists(p, ec)) {
            tried += (tried.empty() ? "" : ", ") + p.string();
            continue;
        }
        // Never closed: the converters it made live as long as the process.
        void* handle = ::dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = ::dlerror();
            l.error = "cannot load " + p.string() + ": " + (why ? why : "unknown error");
            return l;
        }
        using Entry = const MediaModuleApi* (*)();
        const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "colophon_media_module"));
        const MediaModuleApi* api = entry ? entry() : nullptr;
        if (api == nullptr || api->interface_revision != media_module_interface ||
            std::strcmp(api->version, core::version) != 0) {
            l.error = p.string() + " is not the PDF/OCR module of colophon " + core::version;
            return l;
        }
        l.api = api;
        l.path = p;
        return l;
    }
    l.error = "the PDF/OCR module " + std::string(media_module_file) + " is not installed (looked at " + tried +
              "; set COLOPHON_MODULE_DIR)";
    return l;
}

std::atomic<bool> load_attempted{false};

const Loaded& loaded()
{
    static const Loaded l = [] {
        Loaded r = load();
        load_attempted = true;
        return r;
    }();
    return l;
}

// Stands in for the module's converters: answers accepts() from the list of types, loads the
// module at the first convert() and hands the document to the converter that reads it.
class LazyMediaConverter : public core::Converter
{
public:
    std::string_view name() const override { return "pdf/ocr"; }

    bool accepts(const core::Input& input) const override
    {
        return std::find(media_module_types.begin(), media_module_types.end(), input.type) != media_module_types.end();
    }

    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override
    {
        {
            const std::lock_guard lock(mutex_);
            if (converters_.empty())
                media_module(input.display_name).make_converters(converters_);
        }
        for (const auto& c : converters_)
            if (c->accepts(input))
                return c->convert(input, options, diags);
        throw core::ConversionError("input.unsupported-type", input.display_name,
                                    "unsupported type " + std::string(core::media_type_name(input.type)) +
                                        " (this build reads HTML only)");
    }

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<core::Converter>> converters_;
};

} // namespace

const MediaModuleApi& media_module(const std::string& file)
{
    const Loaded& l = loaded();
    if (l.api == nullptr)
        throw core::ConversionError("setup.module-missing", file, l.error);
    return *l.api;
}

fs::path media_module_path()
{
    return load_attempted ? loaded().path : fs::path();
}

std::unique_ptr<core::Converter> make_lazy_media_converter()
{
    return std::make_unique<LazyMediaConverter>();
}

} // namespace colophon::pipeline
