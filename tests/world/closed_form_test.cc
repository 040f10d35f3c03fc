// Each test isolates one mechanism in an otherwise quiet world and checks the
// measured figure against its closed form. Counts are exact wherever the model
// makes them so (e.g. every double tap in flight is one duplicate); rates are
// checked against their sampling error at a fixed seed.
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

// |measured mean - expected| within 4 standard errors of a per-intent variable with variance var.
void ExpectMeanNear(double measured, double expected, double var, std::uint64_t n) {
  EXPECT_NEAR(measured, expected, 4 * std::sqrt(var / static_cast<double>(n)));
}

TEST(ClosedFormTest, QuietWorldChargesEveryIntentOnce) {
  const Scenario s = QuietWorld();
  for (const char* name : {"none", "client_debounce", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    EXPECT_EQ(r.charges, s.intents) << name;
    EXPECT_EQ(r.duplicate_charges, 0u) << name;
    EXPECT_EQ(r.lost_payments, 0u) << name;
    EXPECT_EQ(r.confirmed_intents, s.intents) << name;
    EXPECT_EQ(r.attempts, s.intents) << name;
  }
}

TEST(ClosedFormTest, DoubleTapProbabilityIsTheDuplicateRateWithoutDefence) {
  Scenario s = QuietWorld(50000);
  const double p = 0.1;
  s.user.double_tap_probability = p;  // the second tap (5 ms) lands while the first is in flight
  const RunResult r = RunScenario(s, Strategy("none"));
  // Every second tap is a second charge, exactly.
  EXPECT_EQ(r.duplicate_charges, r.taps - r.intents);
  EXPECT_EQ(r.intents_with_duplicates, r.duplicate_charges);
  EXPECT_EQ(ByCause(r, RootCause::kDoubleTap), r.duplicate_charges);  // and nothing else
  EXPECT_LE(r.duplicate_rate.ci95.low, p);
  EXPECT_GE(r.duplicate_rate.ci95.high, p);
  ExpectMeanNear(r.duplicate_rate.rate, p, p * (1 - p), s.intents);
}

TEST(ClosedFormTest, IdempotencyKeyStopsEveryDoubleTap) {
  Scenario s = QuietWorld();
  s.user.double_tap_probability = 0.1;
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.duplicate_charges, 0u);
  EXPECT_EQ(keyed.lost_payments, 0u);
  // Same users (common random numbers): the same taps; every second one got the first result.
  EXPECT_EQ(keyed.taps, none.taps);
  EXPECT_EQ(keyed.replayed_responses, keyed.taps - keyed.intents);
}

TEST(ClosedFormTest, DebounceLongerThanEveryGapStopsEveryDoubleTap) {
  Scenario s = QuietWorld();
  s.user.double_tap_probability = 0.2;
  s.user.double_tap_gap =
      std::make_shared<UniformDistribution>(50 * kMillisecond, 400 * kMillisecond);
  // Slow enough that second taps still find the page open.
  s.server.processing = Constant(500 * kMillisecond);
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(none.duplicate_charges, none.taps - none.intents);
  const RunResult debounced = RunScenario(s, Strategy("client_debounce", {{"window", "1s"}}));
  EXPECT_EQ(debounced.duplicate_charges, 0u);
  EXPECT_EQ(debounced.taps_swallowed, debounced.taps - debounced.intents);
  // A window shorter than every gap lets every second tap through.
  const RunResult short_window = RunScenario(s, Strategy("client_debounce", {{"window", "40ms"}}));
  EXPECT_EQ(short_window.duplicate_charges, none.duplicate_charges);
}

TEST(ClosedFormTest, SecondTapOnAPageShowingSuccessIsHarmless) {
  Scenario s = QuietWorld();
  s.user.double_tap_probability = 0.3;
  s.user.double_tap_gap = Constant(2 * kSecond);  // the result shows after 30 ms
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.taps_swallowed, r.taps - r.intents);
}

TEST(ClosedFormTest, ResponseLossWithThreeAttemptsGivesQPlusQSquared) {
  Scenario s = QuietWorld(50000);
  const double q = 0.2;
  s.network.response.loss_probability = q;
  const RunResult r = RunScenario(s, Strategy("none"));
  // Duplicates per intent: 0 w.p. 1-q, 1 w.p. q(1-q), 2 w.p. q^2.
  const double mean = q + q * q;
  const double second_moment = q * (1 - q) + 4 * q * q;
  ExpectMeanNear(r.duplicate_rate.rate, mean, second_moment - mean * mean, s.intents);
  EXPECT_EQ(r.lost_payments, 0u);
  EXPECT_EQ(r.charges, r.attempts);  // no request is lost: every attempt is charged
  EXPECT_EQ(ByCause(r, RootCause::kClientRetry), r.duplicate_charges);
  // At least one duplicate exactly when the first response was lost.
  ExpectMeanNear(static_cast<double>(r.intents_with_duplicates) / static_cast<double>(r.intents), q,
                 q * (1 - q), s.intents);

  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.duplicate_charges, 0u);
  EXPECT_EQ(keyed.lost_payments, 0u);
}

TEST(ClosedFormTest, RequestLossWithThreeAttemptsLosesRCubed) {
  Scenario s = QuietWorld(50000);
  const double r_loss = 0.3;
  s.network.request.loss_probability = r_loss;
  const RunResult r = RunScenario(s, Strategy("none"));
  const double p = r_loss * r_loss * r_loss;
  ExpectMeanNear(r.lost_payment_rate.rate, p, p * (1 - p), s.intents);
  EXPECT_EQ(r.duplicate_charges, 0u);  // a lost request was never charged
}

TEST(ClosedFormTest, PerAttemptKeysDoNotStopTimeoutRetries) {
  Scenario s = QuietWorld();
  s.network.response.loss_probability = 0.2;
  const RunResult none = RunScenario(s, Strategy("none"));
  s.client.key_scope = KeyScope::kPerAttempt;
  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_GT(keyed.duplicate_charges, 0u);
  EXPECT_EQ(keyed.duplicate_charges, none.duplicate_charges);  // same draws, same retries
}

TEST(ClosedFormTest, NetworkDuplicatesAreChargedTwiceWithoutKeys) {
  Scenario s = QuietWorld(50000);
  const double d = 0.05;
  s.network.request.duplicate_probability = d;
  const RunResult r = RunScenario(s, Strategy("none"));
  ExpectMeanNear(r.duplicate_rate.rate, d, d * (1 - d), s.intents);
  EXPECT_EQ(ByCause(r, RootCause::kNetworkDuplicate), r.duplicate_charges);
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).duplicate_charges, 0u);
}

TEST(ClosedFormTest, LateConfirmationMakesPatientUsersPayAgainWhateverTheKeys) {
  Scenario s = QuietWorld(5000);
  s.client.response_confirms = false;  // only the notification tells the user
  s.confirmation.delay = Constant(10 * kSecond);
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  for (const char* name : {"none", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    EXPECT_EQ(r.pay_agains, s.intents) << name;
    EXPECT_EQ(r.duplicate_charges, s.intents) << name;  // a new checkout is a new key
    EXPECT_EQ(ByCause(r, RootCause::kUserRepayNoConfirmation), s.intents) << name;
  }
  s.confirmation.delay = Constant(kSecond);  // in time: nobody pays again
  EXPECT_EQ(RunScenario(s, Strategy("none")).duplicate_charges, 0u);
}

TEST(ClosedFormTest, ARetryOfASecondTapIsADoubleTap) {
  // Every response lost, 2 attempts, every user taps twice in flight: 4 charges per intent.
  Scenario s = QuietWorld(1000);
  s.user.double_tap_probability = 1.0;
  s.client.max_attempts = 2;
  s.network.response.loss_probability = 1.0;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.charges, 4 * s.intents);
  // Relative to the first charge (tap 0, attempt 1): tap 0's retry is a client retry; tap 1's
  // two attempts are both the double tap's doing.
  EXPECT_EQ(ByCause(r, RootCause::kClientRetry), s.intents);
  EXPECT_EQ(ByCause(r, RootCause::kDoubleTap), 2 * s.intents);
}

TEST(ClosedFormTest, PayAgainLimitBoundsRepeatedPayments) {
  Scenario s = QuietWorld(2000);
  s.client.response_confirms = false;
  s.confirmation.loss_probability = 1.0;  // never confirmed
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  s.user.pay_again_limit = 3;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.charges, 4 * s.intents);
  EXPECT_EQ(r.duplicate_charges, 3 * s.intents);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(KeyTtlTest, RetriesAfterTheKeyExpiredAreChargedAgainAsKeyExpired) {
  Scenario s = testing::QuietWorld(20000);
  s.network.response.loss_probability = 0.2;  // retries come >= 1 s after the claim
  const RunResult none = RunScenario(s, testing::Strategy("none"));
  const RunResult expired =
      RunScenario(s, testing::Strategy("idempotency_key", {{"ttl", "500ms"}}));
  ASSERT_GT(none.duplicate_charges, 0u);
  // Every retry finds its key forgotten: the same duplicates as no defence, labelled as the
  // store's miss rather than as the client's retry.
  EXPECT_EQ(expired.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(expired.duplicates_by_cause[static_cast<std::size_t>(RootCause::kKeyExpired)],
            expired.duplicate_charges);
  EXPECT_EQ(expired.strategy_config, "idempotency_key(ttl=500ms)");

  const RunResult kept = RunScenario(s, testing::Strategy("idempotency_key", {{"ttl", "24h"}}));
  EXPECT_EQ(kept.duplicate_charges, 0u);
}

TEST(KeyTtlTest, AKeyInFlightNeverExpires) {
  // The second tap arrives 5 ms after the first, which is still processing for 2 s: it must wait
  // for the first result even though the TTL (1 s) passes meanwhile.
  Scenario s = testing::QuietWorld(2000);
  s.user.double_tap_probability = 1.0;
  s.server.processing = testing::Constant(2 * kSecond);
  s.client.timeout = 10 * kSecond;
  const RunResult r = RunScenario(s, testing::Strategy("idempotency_key", {{"ttl", "1s"}}));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.replayed_responses, s.intents);
}

}  // namespace
}  // namespace dupsim
