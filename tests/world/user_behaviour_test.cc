// What users do besides tapping and waiting, each isolated in a quiet world and
// checked against its closed form: looking a payment up before paying again,
// repeating a payment on purpose, and being scammed into paying again.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/run/scenario_runner.h"
#include "sim/run/world.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

using testing::ByCause;

// |measured - expected| within 4 standard errors of a count of n Bernoulli(p) trials.
void ExpectCountNear(std::uint64_t measured, double p, std::uint64_t n) {
  const double nn = static_cast<double>(n);
  EXPECT_NEAR(static_cast<double>(measured), p * nn, 4 * std::sqrt(nn * p * (1 - p)));
}

// Nobody is ever told: no success screen, every notification lost. After 5 s every user is
// about to pay again (once).
Scenario NeverToldWorld(std::uint64_t intents) {
  Scenario s = QuietWorld(intents);
  s.client.response_confirms = false;
  s.confirmation.loss_probability = 1.0;
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  s.user.status_query.latency = Constant(2 * kSecond);
  return s;
}

TEST(StatusQueryTest, ALookUpThatShowsTheChargeStopsEveryPayAgain) {
  Scenario s = NeverToldWorld(5000);
  s.user.status_query_probability = 1.0;
  for (const char* name : {"none", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    EXPECT_EQ(r.status_queries, s.intents) << name;
    EXPECT_EQ(r.pay_agains, 0u) << name;
    EXPECT_EQ(r.duplicate_charges, 0u) << name;
    EXPECT_EQ(r.confirmed_intents, s.intents) << name;  // the look-up told them
  }
}

TEST(StatusQueryTest, WithoutLookUpsEveryUnconfirmedUserPaysAgain) {
  Scenario s = NeverToldWorld(5000);
  s.user.status_query_probability = 0.0;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.status_queries, 0u);
  EXPECT_EQ(r.pay_agains, s.intents);
  EXPECT_EQ(ByCause(r, RootCause::kUserRepayNoConfirmation), s.intents);
  EXPECT_EQ(r.confirmed_intents, 0u);
}

TEST(StatusQueryTest, FailedLookUpsPayAgainAtTheFailureRate) {
  Scenario s = NeverToldWorld(20000);
  const double f = 0.3;
  s.user.status_query_probability = 1.0;
  s.user.status_query.failure_probability = f;
  const RunResult r = RunScenario(s, Strategy("none"));
  ExpectCountNear(r.pay_agains, f, s.intents);
  EXPECT_EQ(r.duplicate_charges, r.pay_agains);  // each pay-again is a second charge
  EXPECT_EQ(ByCause(r, RootCause::kUserRepayNoConfirmation), r.duplicate_charges);
  EXPECT_EQ(r.confirmed_intents, s.intents - r.pay_agains);
  // Same users, same look-ups under every strategy (a new checkout has a new key).
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).pay_agains, r.pay_agains);
}

TEST(StatusQueryTest, ALookUpProbabilityPMakesOneInPAsk) {
  Scenario s = NeverToldWorld(20000);
  const double p = 0.4;
  s.user.status_query_probability = p;
  const RunResult r = RunScenario(s, Strategy("none"));
  ExpectCountNear(r.status_queries, p, s.intents);
  EXPECT_EQ(r.pay_agains, s.intents - r.status_queries);  // every look-up found the charge
}

TEST(StatusQueryTest, ALookUpThatFindsNothingPaysAgain) {
  Scenario s = NeverToldWorld(2000);
  s.network.request.loss_probability = 1.0;  // nothing is ever charged
  s.user.status_query_probability = 1.0;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.status_queries, s.intents);
  EXPECT_EQ(r.pay_agains, s.intents);
  EXPECT_EQ(r.charges, 0u);
}

TEST(StatusQueryTest, TheLedgerIsReadWhenTheAnswerIsGiven) {
  // The charge commits at 3 s, after the user starts looking (2 s) but before the answer (4 s).
  Scenario s = NeverToldWorld(1000);
  s.server.processing = Constant(3 * kSecond);
  s.client.timeout = 10 * kSecond;
  s.user.patience = Constant(2 * kSecond);
  s.user.status_query_probability = 1.0;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.pay_agains, 0u);
  EXPECT_EQ(r.confirmed_intents, s.intents);
}

TEST(LegitimateRepeatTest, RepeatsAreIntentsOfTheirOwnChargedOnce) {
  Scenario s = QuietWorld(20000);
  const double r_repeat = 0.2;
  s.user.legitimate_repeat.probability = r_repeat;
  s.user.legitimate_repeat.gap = Constant(kSecond);
  for (const char* name : {"none", "client_debounce", "idempotency_key"}) {
    const ConfiguredStrategy strategy = Strategy(name);
    World world(s, strategy);
    const RunResult r = world.Run();
    ExpectCountNear(r.legitimate_repeats, r_repeat, s.intents - 1);  // intent 0 repeats nothing
    EXPECT_EQ(r.intents, s.intents) << name;  // repeats are among the intents
    EXPECT_EQ(r.charges, s.intents) << name;
    EXPECT_EQ(r.duplicate_charges, 0u) << name;
    EXPECT_EQ(r.lost_payments, 0u) << name;
    for (std::uint32_t i = 0; i < s.intents; ++i) ASSERT_EQ(world.ledger().ChargesOf(i), 1u) << i;
  }
}

TEST(LegitimateRepeatTest, ARepeatPaysItsOriginalsAmountAndPayer) {
  const UniformDistribution amount(100, 100000);
  const IntentCatalog catalog(10000, amount, RandomStream(1), {0.3, Constant(kMinute)},
                              RandomStream(2));
  std::uint32_t repeats = 0;
  for (IntentId i = 0; i < catalog.Size(); ++i) {
    if (!catalog.IsRepeat(i)) {
      EXPECT_EQ(catalog.PayerOf(i), i);
      EXPECT_EQ(catalog.RepeatOf(i), kNoIntent);
      continue;
    }
    ++repeats;
    EXPECT_EQ(catalog.RepeatOf(i), i - 1);
    EXPECT_EQ(catalog.AmountOf(i), catalog.AmountOf(i - 1));
    EXPECT_EQ(catalog.PayerOf(i), catalog.PayerOf(i - 1));
    EXPECT_EQ(catalog.RepeatGap(i), kMinute);
  }
  EXPECT_EQ(repeats, catalog.LegitimateRepeats());
  EXPECT_GT(repeats, 0u);
}

TEST(LegitimateRepeatTest, RepeatsLeaveTheFirstPaymentsArrivalsAlone) {
  // With repeats on, first payments keep the Poisson draws they had: the run without repeats
  // and the run with them end at the same time when repeats come right after their original.
  Scenario s = QuietWorld(5000);
  const RunResult plain = RunScenario(s, Strategy("none"));
  s.user.legitimate_repeat.probability = 0.5;
  s.user.legitimate_repeat.gap = Constant(0);
  const RunResult repeated = RunScenario(s, Strategy("none"));
  EXPECT_GT(repeated.legitimate_repeats, 0u);
  EXPECT_EQ(repeated.charges, s.intents);
  EXPECT_LT(repeated.virtual_end, plain.virtual_end);  // fewer first payments to wait for
}

TEST(FraudTest, ScammedUsersAreChargedAgainWhateverTheStrategy) {
  Scenario s = QuietWorld(20000);
  const double phi = 0.05;
  s.user.fraud.probability = phi;
  s.user.fraud.delay = Constant(10 * kMinute);
  const RunResult none = RunScenario(s, Strategy("none"));
  ExpectCountNear(none.duplicate_charges, phi, s.intents);
  EXPECT_EQ(ByCause(none, RootCause::kFraudInduced), none.duplicate_charges);
  EXPECT_EQ(none.fraud_payments, none.duplicate_charges);
  for (const char* name : {"client_debounce", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    // The same users are scammed under every strategy, and no defence stops a new checkout.
    EXPECT_EQ(r.fraud_payments, none.fraud_payments) << name;
    EXPECT_EQ(ByCause(r, RootCause::kFraudInduced), none.duplicate_charges) << name;
    EXPECT_EQ(r.duplicate_charges, none.duplicate_charges) << name;
  }
}

TEST(FraudTest, OnlyUsersWhoWereToldArePaidAgain) {
  Scenario s = NeverToldWorld(2000);
  s.user.pay_again_probability = 0.0;
  s.user.fraud.probability = 1.0;
  s.user.fraud.delay = Constant(kSecond);
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.fraud_payments, 0u);
  EXPECT_EQ(r.duplicate_charges, 0u);
}

TEST(FraudTest, AScamOutranksEveryOtherCause) {
  const ChargeOrigin first{0, 0, 1, false};
  ChargeOrigin scammed;
  scammed.checkout = kFraudCheckout;
  EXPECT_EQ(ClassifyDuplicate(first, scammed), RootCause::kFraudInduced);
  scammed.tap = 1;
  scammed.attempt = 3;
  scammed.dedup_miss = DedupMiss::kKeyExpired;
  EXPECT_EQ(ClassifyDuplicate(first, scammed), RootCause::kFraudInduced);
  EXPECT_EQ(RootCauseName(RootCause::kFraudInduced), "fraud_induced");
}

TEST(UserBehaviourTest, DefaultKnobsChangeNothing) {
  // The new knobs at their defaults (and their distributions set) give the same run.
  Scenario s = QuietWorld(5000);
  s.user.double_tap_probability = 0.1;
  s.network.response.loss_probability = 0.1;
  const RunResult before = RunScenario(s, Strategy("none"));
  s.user.status_query.latency = Constant(kSecond);
  s.user.legitimate_repeat.gap = Constant(kSecond);
  s.user.fraud.delay = Constant(kSecond);
  testing::ExpectSameRun(RunScenario(s, Strategy("none")), before);
}

}  // namespace
}  // namespace dupsim
