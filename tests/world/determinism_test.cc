#include <gtest/gtest.h>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

Scenario Noisy(std::uint64_t seed) {
  Scenario s = QuietWorld(5000, seed);
  s.user.double_tap_probability = 0.1;
  s.user.double_tap_gap =
      std::make_shared<UniformDistribution>(50 * kMillisecond, 400 * kMillisecond);
  s.network.request.latency =
      std::make_shared<LognormalDistribution>(40 * kMillisecond, 900 * kMillisecond);
  s.network.response.latency = s.network.request.latency;
  s.network.response.loss_probability = 0.02;
  s.network.request.duplicate_probability = 0.01;
  s.user.pay_again_probability = 0.5;
  s.strategies = {Strategy("none"), Strategy("client_debounce"), Strategy("idempotency_key")};
  return s;
}

bool Same(const RunResult& a, const RunResult& b) {
  return a.charges == b.charges && a.duplicate_charges == b.duplicate_charges &&
         a.lost_payments == b.lost_payments && a.taps == b.taps && a.attempts == b.attempts &&
         a.timeouts == b.timeouts && a.events == b.events && a.virtual_end == b.virtual_end &&
         a.duplicate_rate.ci95.low == b.duplicate_rate.ci95.low;
}

TEST(DeterminismTest, SameSeedSameResultsWhateverTheThreadCount) {
  const std::vector<Scenario> scenarios = {Noisy(1), Noisy(2)};
  const auto one = RunAll(scenarios, 1);
  const auto two = RunAll(scenarios, 2);
  const auto again = RunAll(scenarios, 4);
  ASSERT_EQ(one.size(), 6u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_TRUE(Same(one[i], two[i])) << i;
    EXPECT_TRUE(Same(one[i], again[i])) << i;
  }
  EXPECT_EQ(one[0].strategy, "none");
  EXPECT_EQ(one[2].strategy, "idempotency_key");
  EXPECT_GT(one[0].duplicate_charges, 0u);
}

TEST(DeterminismTest, DifferentSeedsGiveDifferentRuns) {
  const RunResult a = RunScenario(Noisy(1), Strategy("none"));
  const RunResult b = RunScenario(Noisy(2), Strategy("none"));
  EXPECT_NE(a.events, b.events);
}

}  // namespace
}  // namespace dupsim
