#include <gtest/gtest.h>

#include <cmath>

#include "fakes/arrival_profile.h"
#include "sim/engine/random_stream.h"
#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

TEST(ArrivalProfileTest, ARampFromZeroReachesItsAreaAtItsEnd) {
  // 0 -> 100/s over 10 s: 500 arrivals expected by t = 10 s, then 100/s.
  const ArrivalProfile ramp(0, {{10 * kSecond, 100}});
  EXPECT_EQ(ramp.Advance(0, 500), 10 * kSecond);
  // Inside the ramp: rate = 10 t, so expected(t) = 5 t^2; 125 arrivals at t = 5 s.
  EXPECT_EQ(ramp.Advance(0, 125), 5 * kSecond);
  // After it: constant 100/s.
  EXPECT_EQ(ramp.Advance(10 * kSecond, 100), 11 * kSecond);
  EXPECT_EQ(ramp.Advance(0, 600), 11 * kSecond);
}

TEST(ArrivalProfileTest, ARampDownSolvesTheDecreasingRate) {
  // 100/s -> 20/s over 8 s: area = 8 * 60 = 480, then 20/s.
  const ArrivalProfile down(100, {{8 * kSecond, 20}});
  EXPECT_EQ(down.Advance(0, 480), 8 * kSecond);
  EXPECT_EQ(down.Advance(0, 500), 9 * kSecond);
}

TEST(ArrivalProfileTest, ArrivalCountsFollowTheStages) {
  // 50/s for 20 s, then a jump to 400/s for 20 s, then 400/s on.
  const ArrivalProfile steps(50, {{kMillisecond, 50}, {20 * kSecond, 50}, {kMillisecond, 400}});
  RandomStream rng(9);
  Time t = 0;
  int first = 0, second = 0;
  while (t < 40 * kSecond) {
    t = steps.Advance(t, -std::log(rng.NextOpenUnit()));
    if (t < 20 * kSecond)
      ++first;
    else if (t < 40 * kSecond)
      ++second;
  }
  EXPECT_NEAR(first, 1000, 4 * std::sqrt(1000.0));
  EXPECT_NEAR(second, 8000, 4 * std::sqrt(8000.0));
}

TEST(ArrivalProfileTest, WithoutStagesTheWorldIsUnchanged) {
  // A profile with one stage at the same rate is the constant process: same arrivals, same run
  // (up to rounding of the same gaps, so compare coarse results).
  Scenario s = testing::QuietWorld(5000);
  const RunResult plain = RunScenario(s, testing::Strategy("none"));
  s.arrivals.stages = {{kSecond, s.arrivals.rate_per_s}};
  const RunResult staged = RunScenario(s, testing::Strategy("none"));
  EXPECT_EQ(staged.charges, plain.charges);
  EXPECT_NEAR(static_cast<double>(staged.virtual_end), static_cast<double>(plain.virtual_end),
              1e-3 * static_cast<double>(plain.virtual_end));
}

}  // namespace
}  // namespace dupsim
