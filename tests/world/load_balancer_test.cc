// The proxy in front of the replicas: transparent when replicas are fast, a source of
// duplicates when it retries timed-out charges, a source of client retries when it does not.
#include <gtest/gtest.h>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

using testing::ByCause;

// Replicas take 300 ms; the balancer waits 100 ms per try.
Scenario SlowBehindABalancer(bool retry_non_idempotent) {
  Scenario s = QuietWorld(5000);
  s.server.replicas = 2;
  s.server.processing = Constant(300 * kMillisecond);
  s.client.timeout = 5 * kSecond;
  s.load_balancer.enabled = true;
  s.load_balancer.per_try_timeout = 100 * kMillisecond;
  s.load_balancer.tries = 2;
  s.load_balancer.retry_non_idempotent = retry_non_idempotent;
  return s;
}

TEST(LoadBalancerTest, FastReplicasMakeItTransparent) {
  Scenario s = QuietWorld(5000);
  s.load_balancer.enabled = true;
  s.load_balancer.tries = 3;
  s.load_balancer.retry_non_idempotent = true;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.proxy_retries, 0u);
  EXPECT_EQ(r.charges, s.intents);
  EXPECT_EQ(r.time_to_confirmation_p50, 30 * kMillisecond);
}

TEST(LoadBalancerTest, RetryingTimedOutChargesChargesEveryIntentTwice) {
  Scenario s = SlowBehindABalancer(true);
  s.client.max_attempts = 1;  // the app's own retries would multiply the balancer's
  const RunResult none = RunScenario(s, Strategy("none"));
  // Every first try outlives its 100 ms, so every charge is sent to a second replica.
  EXPECT_EQ(none.proxy_retries, s.intents);
  EXPECT_EQ(none.duplicate_charges, s.intents);
  EXPECT_EQ(ByCause(none, RootCause::kProxyRetry), s.intents);
  EXPECT_EQ(none.gateway_timeouts, s.intents);  // the second try is too slow as well
  // The same key reaches the second replica: it waits for the first and gets its result.
  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.duplicate_charges, 0u);
  EXPECT_EQ(keyed.lost_payments, 0u);
}

TEST(LoadBalancerTest, GatewayTimeoutsMakeTheAppRetryInstead) {
  const Scenario s = SlowBehindABalancer(false);
  const RunResult none = RunScenario(s, Strategy("none"));
  EXPECT_EQ(none.proxy_retries, 0u);
  // Every attempt times out at the balancer yet is charged; the app tries 3 times.
  EXPECT_EQ(none.gateway_timeouts, 3 * s.intents);
  EXPECT_EQ(none.duplicate_charges, 2 * s.intents);
  EXPECT_EQ(ByCause(none, RootCause::kClientRetry), 2 * s.intents);
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).duplicate_charges, 0u);
}

}  // namespace
}  // namespace dupsim
