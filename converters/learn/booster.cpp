#include "learn/booster.h"

#include <xgboost/c_api.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace colophon::learn {

namespace {

// Every XGBoost call returns 0 or -1; the reason of the last failure is thread-local.
void check(int status, const char* what)
{
    if (status != 0)
        throw std::runtime_error(std::string("XGBoost: ") + what + ": " + XGBGetLastError());
}

// Plain prediction (probabilities, not margins), all trees, one row's shape as given. No value of
// a row is missing; the sentinel only has to be a number the features never take.
constexpr const char* predict_config = R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0,
    "strict_shape": false, "missing": -1e30, "cache_id": 0})";

// NumPy's __array_interface__ for one row of float32 values in place.
std::string row_interface(std::span<const float> row)
{
    return R"({"data": [)" + std::to_string(reinterpret_cast<std::uintptr_t>(row.data())) +
           R"(, true], "shape": [1, )" + std::to_string(row.size()) + R"(], "typestr": "<f4", "version": 3})";
}

} // namespace

void Booster::FreeBooster::operator()(void* handle) const
{
    XGBoosterFree(handle);
}

Booster::Booster(std::string_view model, std::size_t features) : features_(features)
{
    BoosterHandle raw = nullptr;
    check(XGBoosterCreate(nullptr, 0, &raw), "create a booster");
    handle_.reset(raw);
    check(XGBoosterLoadModelFromBuffer(raw, model.data(), model.size()), "load the model");
    // One page is one row: threads would only cost their start-up; batches run pages in parallel.
    check(XGBoosterSetParam(raw, "nthread", "1"), "set nthread");
    bst_ulong columns = 0;
    check(XGBoosterGetNumFeature(raw, &columns), "read the number of features");
    if (columns != features)
        throw std::runtime_error("XGBoost: the model reads " + std::to_string(columns) + " features, the program gives " +
                                 std::to_string(features));
}

std::vector<float> Booster::predict(std::span<const float> row) const
{
    if (row.size() != features_)
        throw std::invalid_argument("a row of " + std::to_string(row.size()) + " features for a model of " +
                                    std::to_string(features_));
    const std::string values = row_interface(row);
    const std::lock_guard lock(predicting_);
    const bst_ulong* shape = nullptr;
    bst_ulong dims = 0;
    const float* result = nullptr;
    check(XGBoosterPredictFromDense(handle_.get(), values.c_str(), predict_config, nullptr, &shape, &dims, &result),
          "predict");
    bst_ulong size = 1;
    for (bst_ulong d = 0; d < dims; ++d)
        size *= shape[d];
    return std::vector<float>(result, result + size);
}

} // namespace colophon::learn
