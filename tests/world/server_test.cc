// Server replicas: workers and queues (load), and crashes on either side of the commit.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

using testing::ByCause;

// 100 intents/s, each in service for 500 ms: about 50 in service when a replica dies.
Scenario CrashingWorld(CrashPoint point) {
  Scenario s = QuietWorld(6000);
  s.server.processing = Constant(500 * kMillisecond);
  s.client.timeout = 2 * kSecond;
  s.server.crashes.point = point;
  s.server.crashes.restart = Constant(100 * kMillisecond);
  // Crashes 10 s apart: a killed request's retry (within 2.2 s) always meets a live server.
  for (Time at = 5 * kSecond; at < 60 * kSecond; at += 10 * kSecond) {
    s.server.crashes.schedule.push_back({at, 0});
  }
  return s;
}

TEST(ServerCrashTest, CrashAfterCommitMakesEveryKilledRequestACrashReplay) {
  const Scenario s = CrashingWorld(CrashPoint::kAfterCommit);
  const RunResult none = RunScenario(s, Strategy("none"));
  EXPECT_EQ(none.server_crashes, 6u);
  ASSERT_GT(none.requests_killed, 100u);
  // Every killed request was charged; its retry is charged again, and nothing else repeats.
  EXPECT_EQ(none.duplicate_charges, none.requests_killed);
  EXPECT_EQ(ByCause(none, RootCause::kCrashReplay), none.duplicate_charges);
  EXPECT_EQ(none.lost_payments, 0u);

  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.requests_killed, none.requests_killed);
  EXPECT_EQ(keyed.duplicate_charges, 0u);  // the retry finds its key committed
  EXPECT_EQ(keyed.lost_payments, 0u);
}

TEST(ServerCrashTest, CrashBeforeCommitLosesNothingAndChargesNothingTwice) {
  const Scenario s = CrashingWorld(CrashPoint::kBeforeCommit);
  for (const char* name : {"none", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    ASSERT_GT(r.requests_killed, 100u) << name;
    EXPECT_EQ(r.duplicate_charges, 0u) << name;  // the killed attempt never charged
    // The claim rolled back with the charge, so the retry is processed, not parked forever.
    EXPECT_EQ(r.lost_payments, 0u) << name;
    EXPECT_EQ(r.charges, s.intents) << name;
  }
}

TEST(ServerCrashTest, RandomCrashesStopWhenTheWorkDoes) {
  Scenario s = QuietWorld(3000);
  s.server.crashes.rate_per_hour = 360;  // one every 10 s on average
  s.server.crashes.restart = Constant(kSecond);
  const RunResult r = RunScenario(s, Strategy("none"));  // must terminate
  // About 30 s of arrivals: a handful of crashes, not an endless stream.
  EXPECT_GT(r.server_crashes, 0u);
  EXPECT_LT(r.server_crashes, 30u);
}

TEST(ServerLoadTest, OneWorkerNoQueueBlocksLikeErlangB) {
  // M/G/1/1: an arrival finding the worker busy is shed. Blocking = rho / (1 + rho) whatever
  // the service distribution (insensitivity). rho = 50/s x 10 ms = 0.5 -> 1/3.
  Scenario s = QuietWorld(60000);
  s.arrivals.rate_per_s = 50;
  s.client.max_attempts = 1;  // retries would make arrivals non-Poisson
  s.server.concurrency_per_replica = 1;
  s.server.queue_limit_per_replica = 0;
  s.server.processing = std::make_shared<ExponentialDistribution>(10 * kMillisecond);
  const RunResult r = RunScenario(s, Strategy("none"));
  const double blocked = static_cast<double>(r.requests_rejected) / static_cast<double>(r.intents);
  const double expected = 0.5 / 1.5;
  EXPECT_NEAR(blocked, expected, 4 * std::sqrt(expected * (1 - expected) / 60000));
  EXPECT_EQ(r.lost_payments, r.requests_rejected);  // one attempt: shed means unpaid
  EXPECT_EQ(r.duplicate_charges, 0u);
}

TEST(ServerLoadTest, AQueueAbsorbsWhatWorkersCannot) {
  Scenario s = QuietWorld(20000);
  s.arrivals.rate_per_s = 50;
  s.client.max_attempts = 1;
  s.server.concurrency_per_replica = 1;
  s.server.queue_limit_per_replica = 1000;
  s.server.processing = std::make_shared<ExponentialDistribution>(10 * kMillisecond);
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.requests_rejected, 0u);
  EXPECT_EQ(r.lost_payments, 0u);
  // M/M/1 at rho = 0.5: mean sojourn 20 ms, so the median round trip exceeds the quiet 30 ms.
  EXPECT_GT(r.time_to_confirmation_p50, 30 * kMillisecond);
}

}  // namespace
}  // namespace dupsim
