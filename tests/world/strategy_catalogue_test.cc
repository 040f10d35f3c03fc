// Issue 4's strategies, each shown where it works and where it does not.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::ByCause;
using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

TEST(DisableUntilResponseTest, StopsSecondTapsWhileTheAttemptIsInFlight) {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;  // 5 ms after the first: its attempt is in flight
  ASSERT_GT(RunScenario(s, Strategy("none")).duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Strategy("disable_until_response"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.taps_swallowed, r.taps - r.intents);
}

TEST(DisableUntilResponseTest, ATapAfterTheTimeoutGoesThrough) {
  // The answer is lost; the app times out after 1 s and the button comes back; the user
  // taps again at 1.5 s, so a charge that went through is paid twice.
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 1.0;
  s.user.double_tap_gap = Constant(1500 * kMillisecond);
  s.client.max_attempts = 1;
  s.network.response.loss_probability = 0.3;
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult disabled = RunScenario(s, Strategy("disable_until_response"));
  // Only intents whose answer was lost still had a live page at 1.5 s: exactly those repeat.
  EXPECT_GT(disabled.duplicate_charges, 0u);
  EXPECT_EQ(disabled.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(ByCause(disabled, RootCause::kDoubleTap), disabled.duplicate_charges);
}

TEST(IdempotencyKeyPerAttemptTest, DoesNotStopTimeoutRetriesOrDoubleTaps) {
  Scenario s = QuietWorld(10000);
  s.network.response.loss_probability = 0.2;
  s.user.double_tap_probability = 0.1;
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult buggy = RunScenario(s, Strategy("idempotency_key_per_attempt"));
  ASSERT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(buggy.duplicate_charges, none.duplicate_charges);  // same draws, nothing stopped
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).duplicate_charges, 0u);
}

TEST(IdempotencyKeyPerAttemptTest, StillStopsRepeatsMadeBehindTheApp) {
  Scenario s = QuietWorld(10000);
  s.network.request.duplicate_probability = 0.05;  // a copy keeps its original's key
  ASSERT_GT(RunScenario(s, Strategy("none")).duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Strategy("idempotency_key_per_attempt"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.strategy_config, "idempotency_key_per_attempt");
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(FingerprintWindowTest, StopsDoubleTapsAndRetriesWithoutKeys) {
  Scenario s = testing::QuietWorld(10000);
  s.user.double_tap_probability = 0.1;
  s.network.response.loss_probability = 0.1;
  s.client.key_scope = KeyScope::kPerAttempt;  // keys would not help; the fingerprint does
  ASSERT_GT(RunScenario(s, testing::Strategy("none")).duplicate_charges, 0u);
  const RunResult r = RunScenario(s, testing::Strategy("fingerprint_window"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.false_blocks, 0u);  // every declined request's intent had been charged
  EXPECT_GT(r.requests_declined, 0u);
  EXPECT_EQ(r.strategy_config, "fingerprint_window(window=30s)");
}

TEST(FingerprintWindowTest, BlocksLegitimateRepeatsInsideItsWindow) {
  // Every other intent repeats its original 10 s later: inside a 30 s window, outside a 5 s one.
  Scenario s = testing::QuietWorld(10000);
  s.user.legitimate_repeat.probability = 0.5;
  s.user.legitimate_repeat.gap = testing::Constant(10 * kSecond);
  const RunResult none = RunScenario(s, testing::Strategy("none"));
  EXPECT_EQ(none.duplicate_charges, 0u);
  EXPECT_EQ(none.false_blocks, 0u);
  const RunResult wide = RunScenario(s, testing::Strategy("fingerprint_window"));
  // Repeats are declined and never charged: a false block and a lost payment each. Only a
  // repeat more than 30 s after its chain's last admitted payment (the 4th in a chain of
  // repeats 10 s apart) gets through, so nearly all are blocked.
  EXPECT_LE(wide.false_blocks, none.legitimate_repeats);
  EXPECT_GT(wide.false_blocks, none.legitimate_repeats * 9 / 10);
  EXPECT_EQ(wide.lost_payments, wide.false_blocks);
  EXPECT_EQ(wide.duplicate_charges, 0u);
  const RunResult narrow =
      RunScenario(s, testing::Strategy("fingerprint_window", {{"window", "5s"}}));
  EXPECT_EQ(narrow.false_blocks, 0u);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

// Confirmations come after 10 s, users give up after 5 s and pay again on a new page.
Scenario LateConfirmations() {
  Scenario s = testing::QuietWorld(5000);
  s.client.response_confirms = false;
  s.confirmation.delay = testing::Constant(10 * kSecond);
  s.user.patience = testing::Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  return s;
}

TEST(OrderIdTest, PayingAgainReusesTheOrderWhereAPageKeyDoesNot) {
  const Scenario s = LateConfirmations();
  EXPECT_EQ(RunScenario(s, testing::Strategy("idempotency_key")).duplicate_charges, s.intents);
  const RunResult r = RunScenario(s, testing::Strategy("order_id"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.pay_agains, s.intents);          // the users still paid again...
  EXPECT_EQ(r.replayed_responses, s.intents);  // ...and got the order's first result
}

TEST(OrderIdTest, ARealRepeatIsANewOrderAndAScamIsToo) {
  Scenario s = testing::QuietWorld(10000);
  s.user.legitimate_repeat.probability = 0.3;
  s.user.legitimate_repeat.gap = testing::Constant(10 * kSecond);
  s.user.fraud.probability = 0.05;
  s.user.fraud.delay = testing::Constant(kMinute);
  const RunResult none = RunScenario(s, testing::Strategy("none"));
  const RunResult r = RunScenario(s, testing::Strategy("order_id"));
  EXPECT_EQ(r.false_blocks, 0u);
  EXPECT_EQ(r.lost_payments, 0u);  // every repeat charged
  EXPECT_GT(r.duplicate_charges, 0u);
  EXPECT_EQ(testing::ByCause(r, RootCause::kFraudInduced), r.duplicate_charges);
  EXPECT_EQ(r.duplicate_charges, none.duplicate_charges);
}

TEST(ReconcileAndRefundTest, PreventsNothingAndRefundsEveryDuplicate) {
  Scenario s = testing::QuietWorld(10000);
  s.user.double_tap_probability = 0.1;
  const RunResult none = RunScenario(s, testing::Strategy("none"));
  const RunResult r = RunScenario(s, testing::Strategy("reconcile_and_refund"));
  EXPECT_EQ(r.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(none.refunded_duplicates, 0u);
  EXPECT_EQ(r.refunded_duplicates, r.duplicate_charges);
  EXPECT_EQ(r.refunded_amount, r.duplicate_amount);
  // Default job: found within a day, refunded 1-3 days later.
  EXPECT_GE(r.time_to_refund_p50, 24 * kHour);
  EXPECT_LE(r.time_to_refund_p99, 96 * kHour);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(QueryBeforeRetryTest, AnswersThatArriveStopEveryRetryOfACharge) {
  Scenario s = testing::QuietWorld(20000);
  s.network.response.loss_probability = 0.3;
  ASSERT_GT(RunScenario(s, testing::Strategy("none")).duplicate_charges, 0u);
  const RunResult r = RunScenario(s, testing::Strategy("query_before_retry"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.lost_payments, 0u);
}

TEST(QueryBeforeRetryTest, AFailedQueryMeansARetryAndAPossibleDuplicate) {
  // Response loss q, query failure f, 3 attempts: a duplicate needs a lost answer and then a
  // failed query, once or twice in a row (each query its own fate): E[dups] = qf (1 + qf).
  const double q = 0.3, f = 0.5;
  Scenario s = testing::QuietWorld(40000);
  s.network.response.loss_probability = q;
  s.user.status_query.failure_probability = f;
  const RunResult r = RunScenario(s, testing::Strategy("query_before_retry"));
  const double mean = q * f * (1 + q * f);
  const double second_moment = q * f * (1 - q * f) + 4 * (q * f) * (q * f);
  EXPECT_NEAR(r.duplicate_rate.rate, mean, 4 * std::sqrt((second_moment - mean * mean) / 40000));
  EXPECT_EQ(testing::ByCause(r, RootCause::kClientRetry), r.duplicate_charges);
}

TEST(QueryBeforeRetryTest, AStaleReadMissesTheChargeAndTheRetryPaysTwice) {
  // Charges commit 20 ms after the tap; the app asks at 1 s (its timeout), answered 100 ms
  // later. A replica 5 s behind has not seen the charge: every query says "not found" and
  // every retry goes out as under none. One 0.5 s behind has: no retry at all.
  Scenario s = testing::QuietWorld(20000);
  s.network.response.loss_probability = 0.3;
  const RunResult none = RunScenario(s, testing::Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  s.user.status_query.stale_by = 5 * kSecond;
  const RunResult stale = RunScenario(s, testing::Strategy("query_before_retry"));
  EXPECT_EQ(stale.duplicate_charges, none.duplicate_charges);
  s.user.status_query.stale_by = 500 * kMillisecond;
  EXPECT_EQ(RunScenario(s, testing::Strategy("query_before_retry")).duplicate_charges, 0u);
}

TEST(QueryBeforeRetryTest, UsersWhoLookFirstDoNotPayAgainUnlessTheReadIsStale) {
  // No confirmation for 10 s, patience 5 s, everyone pays again: a page key or an app-side
  // query cannot stop that. With asks: app_and_user each user looks the payment up at 5 s
  // and finds it; from a replica 10 s behind they find nothing and pay again.
  Scenario s = testing::QuietWorld(5000);
  s.client.response_confirms = false;
  s.confirmation.delay = testing::Constant(10 * kSecond);
  s.user.patience = testing::Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  EXPECT_EQ(RunScenario(s, testing::Strategy("query_before_retry")).duplicate_charges, s.intents);
  const ConfiguredStrategy both =
      testing::Strategy("query_before_retry", {{"asks", "app_and_user"}});
  EXPECT_EQ(both.label, "query_before_retry(asks=app_and_user)");
  const RunResult asked = RunScenario(s, both);
  EXPECT_EQ(asked.duplicate_charges, 0u);
  EXPECT_EQ(asked.status_queries, s.intents);
  s.user.status_query.stale_by = 10 * kSecond;
  EXPECT_EQ(RunScenario(s, both).duplicate_charges, s.intents);
}

}  // namespace
}  // namespace dupsim
