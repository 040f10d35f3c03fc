#include <gtest/gtest.h>

#include "metrics/percentile.h"
#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

TEST(PercentileTest, NearestRank) {
  std::vector<Time> v = {50, 10, 40, 20, 30};
  EXPECT_EQ(NearestRankPercentile(v, 0.5), 30);
  EXPECT_EQ(NearestRankPercentile(v, 0.99), 50);
  EXPECT_EQ(NearestRankPercentile(v, 0.2), 10);
  std::vector<Time> empty;
  EXPECT_EQ(NearestRankPercentile(empty, 0.5), 0);
}

TEST(TimeToConfirmationTest, QuietWorldConfirmsAfterOneRoundTrip) {
  // 10 ms out, 10 ms processing, 10 ms back: the app shows success 30 ms after the tap.
  const RunResult r = RunScenario(testing::QuietWorld(1000), testing::Strategy("none"));
  EXPECT_EQ(r.time_to_confirmation_p50, 30 * kMillisecond);
  EXPECT_EQ(r.time_to_confirmation_p99, 30 * kMillisecond);
}

TEST(TimeToConfirmationTest, WithoutTheAppOnlyTheNotificationConfirms) {
  Scenario s = testing::QuietWorld(1000);
  s.client.response_confirms = false;
  s.confirmation.delay = testing::Constant(2 * kSecond);
  const RunResult r = RunScenario(s, testing::Strategy("none"));
  // 10 ms out, 10 ms processing to the commit, then the notification's 2 s.
  EXPECT_EQ(r.time_to_confirmation_p50, 2 * kSecond + 20 * kMillisecond);
}

TEST(TimeToConfirmationTest, ARetryAfterALostResponseCostsTheTimeoutAndTheBackoff) {
  Scenario s = testing::QuietWorld(2000);
  s.network.response.loss_probability = 0.5;
  s.client.jitter = Jitter::kNone;  // backoff exactly 200 ms after the first failure
  s.confirmation.loss_probability = 1.0;
  const RunResult r = RunScenario(s, testing::Strategy("none"));
  EXPECT_EQ(r.time_to_confirmation_p50, 30 * kMillisecond);  // half got the first answer
  // More than 1% needed a third attempt (0.25): the p99 is the third attempt's answer:
  // 1 s timeout + 200 ms + 1 s timeout + 400 ms + 30 ms.
  EXPECT_EQ(r.time_to_confirmation_p99, 2 * kSecond + 600 * kMillisecond + 30 * kMillisecond);
}

}  // namespace
}  // namespace dupsim
