#pragma once
// A trained XGBoost model (its JSON or binary JSON, as tools/train writes it) and its predictions for one row
// of features at a time. The model is read once; predict() may be called from several threads.

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

namespace colophon::learn {

class Booster
{
public:
    // Loads the model; throws std::runtime_error with XGBoost's reason when it cannot.
    // `features` is the number of columns the model was trained on.
    Booster(std::string_view model, std::size_t features);

    // The model's output for one row: one probability per class for a multi-class model, one
    // value for a binary or regression model. Throws std::invalid_argument on a row of the wrong
    // width, std::runtime_error when XGBoost fails.
    std::vector<float> predict(std::span<const float> row) const;

    std::size_t features() const { return features_; }

private:
    struct FreeBooster
    {
        void operator()(void* handle) const;
    };
    std::unique_ptr<void, FreeBooster> handle_;
    std::size_t features_;
    // XGBoost hands each prediction out in a buffer the booster owns until its next call.
    mutable std::mutex predicting_;
};

} // namespace colophon::learn
