#include "html/html_page_model.h"

#include "html/html_page_features.h" // page_feature_names: the model's width
#include "learn/booster.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace colophon::html {

extern const std::string_view page_type_model; // models/page_type_model.cpp

namespace {

// Below this probability the model's guess yields to what the page declares. Measured with the
// guesses cross-validated by site (tools/train/train-page-type.py, colophon-eval-html
// --page-types): always the model, wcxb-dev word F1 0.811 but 4 benchmark news pages read as other
// kinds (0.981 -> 0.980); from 0.5, wcxb-dev 0.808 and the benchmark unchanged; from 0.7, 0.805.
constexpr float min_probability = 0.5F;
// On pages with fewer letters than this the rule decides: the training pages are rarely so small
// (5th percentile of wcxb-dev), and those that are, are mostly forum threads saved without their
// posts, so the model reads any small page as a forum. Costs wcxb-dev 0.001 cross-validated.
constexpr double model_min_letters = 2000;

// The page's letters, from the feature that holds their log.
double letters_of(std::span<const float> features)
{
    const std::vector<std::string>& names = page_feature_names();
    const auto at = std::find(names.begin(), names.end(), "letters");
    return at == names.end() ? 0.0 : std::expm1(static_cast<double>(features[static_cast<std::size_t>(at - names.begin())]));
}

// Built at the first page and kept for the life of the process, never destroyed: libxgboost 1.7
// keeps predictions in thread-local buffers that a thread's exit frees first, and a booster freed
// after that (a static destroyed at exit) frees them again.
const learn::Booster& model()
{
    static const learn::Booster* const booster =
        std::make_unique<learn::Booster>(page_type_model, page_feature_names().size()).release();
    return *booster;
}

} // namespace

KindGuess guess_page_kind(std::span<const float> features)
{
    const std::vector<float> p = model().predict(features);
    const std::span<const PageProfile> kinds = page_kinds();
    if (p.size() != kinds.size())
        return {};
    const auto best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
    return {&kinds[best], p[best]};
}

const PageProfile& classify_page(std::span<const float> features, const PageSignals& signals, const std::string& url)
{
    if (letters_of(features) < model_min_letters)
        return declared_page_kind(signals, url);
    const KindGuess guess = guess_page_kind(features);
    if (guess.kind != nullptr && guess.probability >= min_probability)
        return *guess.kind;
    return declared_page_kind(signals, url);
}

} // namespace colophon::html
