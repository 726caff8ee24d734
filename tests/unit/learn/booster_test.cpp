// first_feature.json: a three-stump logistic model that reads only its first feature, written by
//   /usr/bin/python3 -c "import xgboost as xgb, numpy as np; X = np.array([[0,0],[0,1],[1,0],[1,1]]*8,
//   dtype=np.float32); b = xgb.train({'objective': 'binary:logistic', 'max_depth': 1, 'eta': 1.0,
//   'seed': 1, 'nthread': 1}, xgb.DMatrix(X, label=(X[:,0] > 0.5).astype(int)), 3);
//   b.save_model('first_feature.json')"
// (xgboost 1.7.4 gives 0.0465 for [0, 0] and 0.9535 for [1, 0]).

#include "learn/booster.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace colophon::learn::test {
namespace {

std::string fixture()
{
    std::ifstream in(std::filesystem::path(COLOPHON_SOURCE_DIR) / "tests/unit/learn/first_feature.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The booster must outlive the test process's threads (see html_page_model.cpp): tests keep theirs.
const Booster& shared_booster()
{
    static const Booster* const booster = std::make_unique<Booster>(fixture(), 2).release();
    return *booster;
}

TEST(Booster, PredictsWhatTheModelLearnt)
{
    const std::array<float, 2> low{0.0F, 1.0F};
    const std::array<float, 2> high{1.0F, 0.0F};
    const std::vector<float> p_low = shared_booster().predict(low);
    const std::vector<float> p_high = shared_booster().predict(high);
    ASSERT_EQ(p_low.size(), 1U);
    ASSERT_EQ(p_high.size(), 1U);
    EXPECT_NEAR(p_low[0], 0.0465, 0.001);
    EXPECT_NEAR(p_high[0], 0.9535, 0.001);
}

TEST(Booster, GivesTheSameAnswersFromSeveralThreads)
{
    std::vector<std::thread> threads;
    std::array<float, 4> answers{};
    for (std::size_t t = 0; t < answers.size(); ++t)
        threads.emplace_back([&answers, t] {
            const std::array<float, 2> row{static_cast<float>(t % 2), 0.0F};
            for (int i = 0; i < 200; ++i)
                answers[t] = shared_booster().predict(row)[0];
        });
    for (std::thread& th : threads)
        th.join();
    EXPECT_NEAR(answers[0], 0.0465, 0.001);
    EXPECT_NEAR(answers[1], 0.9535, 0.001);
    EXPECT_NEAR(answers[2], 0.0465, 0.001);
    EXPECT_NEAR(answers[3], 0.9535, 0.001);
}

TEST(Booster, RefusesARowOfTheWrongWidth)
{
    const std::array<float, 3> row{1.0F, 0.0F, 0.0F};
    EXPECT_THROW(static_cast<void>(shared_booster().predict(row)), std::invalid_argument);
}

TEST(Booster, RefusesAModelOfAnotherWidth)
{
    try {
        const Booster wrong(fixture(), 5);
        FAIL() << "a two-feature model was taken for five";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("reads 2 features"), std::string::npos) << e.what();
    }
}

TEST(Booster, RefusesTextThatIsNoModel)
{
    try {
        const Booster broken("{\"learner\": ", 2);
        FAIL() << "a truncated model was loaded";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("XGBoost: load the model"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace colophon::learn::test
