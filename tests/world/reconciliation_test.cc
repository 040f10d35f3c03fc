// The reconciliation job, refunds in the ledger and support contacts, each
// checked against its closed form in a quiet world where every double tap is
// one duplicate charge of 10.00: with constant detection delay D and refund
// time R every duplicate comes back exactly D + R after it was taken.
#include <gtest/gtest.h>

#include <cmath>

#include "fakes/ledger.h"
#include "sim/run/invariant_checker.h"
#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

constexpr Time kDetection = 1 * kHour;
constexpr Time kRefund = 47 * kHour;  // D + R = two days

Scenario DoubleTaps(std::uint64_t intents = 20000) {
  Scenario s = QuietWorld(intents);
  s.user.double_tap_probability = 0.1;  // the second tap (5 ms) lands while the first is in flight
  return s;
}

ReconcilerOptions Reconciliation(Time detection, Time refund, double fraction = 1.0) {
  return ReconcilerOptions{true, Constant(detection), Constant(refund), fraction};
}

TEST(ReconciliationTest, EveryDuplicateIsRefundedInFullExactlyDPlusRLater) {
  Scenario s = DoubleTaps();
  s.reconciliation = Reconciliation(kDetection, kRefund);
  const RunResult r = RunScenario(s, Strategy("none"));  // throws if the books do not balance
  ASSERT_GT(r.duplicate_charges, 0u);
  EXPECT_EQ(r.refunded_duplicates, r.duplicate_charges);
  EXPECT_EQ(r.refunded_amount, r.duplicate_amount);
  EXPECT_EQ(r.refunded_amount, static_cast<std::int64_t>(r.duplicate_charges) * 1000);
  EXPECT_EQ(r.time_to_refund_p50, kDetection + kRefund);
  EXPECT_EQ(r.time_to_refund_p99, kDetection + kRefund);
  // Each duplicate: 10.00 held for 48 hours.
  EXPECT_EQ(r.money_hours_held, static_cast<double>(r.duplicate_charges) * 10.0 * 48.0);
}

TEST(ReconciliationTest, PartialRefundsGiveBackTheFractionAndHoldTheRest) {
  Scenario s = DoubleTaps();
  s.reconciliation = Reconciliation(kDetection, kRefund);
  const RunResult full = RunScenario(s, Strategy("none"));
  s.reconciliation.refund_fraction = 0.3;
  const RunResult partial = RunScenario(s, Strategy("none"));
  ASSERT_GT(partial.duplicate_charges, 0u);
  EXPECT_EQ(partial.refunded_duplicates, partial.duplicate_charges);
  EXPECT_EQ(partial.refunded_amount, static_cast<std::int64_t>(partial.duplicate_charges) * 300);
  EXPECT_EQ(partial.time_to_refund_p50, kDetection + kRefund);
  // The 7.00 never given back is held until the end of the run, which is the last refund.
  EXPECT_GT(partial.money_hours_held, full.money_hours_held);
}

TEST(ReconciliationTest, OffRefundsNothingAndLeavesEveryOtherFigureAlone) {
  Scenario s = DoubleTaps();
  const RunResult off = RunScenario(s, Strategy("none"));
  EXPECT_EQ(off.refunded_duplicates, 0u);
  EXPECT_EQ(off.refunded_amount, 0);
  EXPECT_EQ(off.time_to_refund_p50, 0);
  EXPECT_EQ(off.time_to_refund_p99, 0);
  EXPECT_EQ(off.support_contacts, 0u);
  // Never refunded: each duplicate is held until the end of the run.
  EXPECT_GT(off.money_hours_held, 0);

  s.reconciliation = Reconciliation(kDetection, kRefund);
  const RunResult on = RunScenario(s, Strategy("none"));
  // The job acts after the fact: the same users, taps, requests and charges.
  EXPECT_EQ(on.charges, off.charges);
  EXPECT_EQ(on.duplicate_charges, off.duplicate_charges);
  EXPECT_EQ(on.charged_amount, off.charged_amount);
  EXPECT_EQ(on.taps, off.taps);
  EXPECT_EQ(on.attempts, off.attempts);
  EXPECT_EQ(on.confirmed_intents, off.confirmed_intents);
  EXPECT_EQ(on.time_to_confirmation_p99, off.time_to_confirmation_p99);
  EXPECT_EQ(on.events, off.events + on.refunded_duplicates);  // one event per refund
}

TEST(ReconciliationTest, NoDuplicatesNoRefunds) {
  Scenario s = DoubleTaps();
  s.reconciliation = Reconciliation(kDetection, kRefund);
  const RunResult r = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.refunded_duplicates, 0u);
  EXPECT_EQ(r.money_hours_held, 0);
}

TEST(ReconciliationTest, RandomDelaysStayWithinTheirBounds) {
  Scenario s = DoubleTaps();
  s.reconciliation =
      ReconcilerOptions{true, std::make_shared<UniformDistribution>(0, 24 * kHour),
                        std::make_shared<UniformDistribution>(24 * kHour, 72 * kHour), 1.0};
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.refunded_duplicates, r.duplicate_charges);
  EXPECT_GE(r.time_to_refund_p50, 24 * kHour);
  EXPECT_LE(r.time_to_refund_p99, 96 * kHour);
  EXPECT_LE(r.time_to_refund_p50, r.time_to_refund_p99);
  // Mean D + R = 12 h + 48 h: the money held is within a few percent of 60 h per duplicate.
  const double mean_hours = r.money_hours_held / (10.0 * static_cast<double>(r.duplicate_charges));
  EXPECT_NEAR(mean_hours, 60.0, 1.5);
  // The same run twice gives the same numbers (per-duplicate streams).
  EXPECT_EQ(RunScenario(s, Strategy("none")).money_hours_held, r.money_hours_held);
}

TEST(SupportContactsTest, UsersWhoNoticeBeforeTheRefundContactWithProbabilityP) {
  Scenario s = DoubleTaps(50000);
  const double p = 0.4;
  s.support = SupportDeskOptions{p, Constant(1 * kHour)};
  const RunResult never_refunded = RunScenario(s, Strategy("none"));
  const double n = static_cast<double>(never_refunded.intents_with_duplicates);
  EXPECT_NEAR(static_cast<double>(never_refunded.support_contacts), p * n,
              4 * std::sqrt(n * p * (1 - p)));

  // Noticed (1 h) before the refund (48 h): the same users call, refunds or not.
  s.reconciliation = Reconciliation(kDetection, kRefund);
  const RunResult refunded_later = RunScenario(s, Strategy("none"));
  EXPECT_EQ(refunded_later.support_contacts, never_refunded.support_contacts);

  // Noticed (72 h) after the refund: nobody calls.
  s.support.notice_delay = Constant(72 * kHour);
  EXPECT_EQ(RunScenario(s, Strategy("none")).support_contacts, 0u);
}

TEST(SupportContactsTest, EveryoneCallsWhenPIsOneAndNothingWasRefunded) {
  Scenario s = DoubleTaps();
  s.support = SupportDeskOptions{1.0, Constant(kHour)};
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.support_contacts, r.intents_with_duplicates);
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).support_contacts, 0u);
}

// A ledger with charges for three intents of 10.00: intent 1 charged twice.
class BrokenRefundTest : public ::testing::Test {
 protected:
  BrokenRefundTest() : ledger_(3) {
    ledger_.Commit(0, ChargeOrigin{}, 1000);
    ledger_.Commit(1, ChargeOrigin{}, 1000);
    ledger_.Commit(1, ChargeOrigin{.tap = 1}, 1000);  // a double tap
    ledger_.Commit(2, ChargeOrigin{}, 1000);
    ledger_.EnableRefunds(4);
  }

  std::string Violation() const {
    RunBooks books;
    books.charges_per_intent = ledger_.ChargesPerIntent();
    books.charges = ledger_.Charges();
    books.amounts = amounts_;
    books.charged_amount = ledger_.KeptAmount();
    books.duplicate_amount = ledger_.DuplicateAmount();
    books.refunded_amount = ledger_.RefundedAmount();
    books.refunds = ledger_.Refunds();
    try {
      CheckInvariants(books, "ctx");
    } catch (const InvariantViolation& e) {
      return e.what();
    }
    return "no violation";
  }

  Ledger ledger_;
  const Money amounts_[3] = {1000, 1000, 1000};
};

TEST_F(BrokenRefundTest, RefundingTheDuplicateBalances) {
  ledger_.Refund(1, 1, 1000);
  EXPECT_EQ(Violation(), "no violation");
  EXPECT_EQ(ledger_.KeptAmount(), 3000);
}

TEST_F(BrokenRefundTest, RefundingAFirstChargeIsCaughtNamingTheIntent) {
  ledger_.Refund(2, 0, 1000);
  EXPECT_EQ(Violation(),
            "ctx: intent 2: its first (legitimate) charge was refunded; only duplicates may be");
}

TEST_F(BrokenRefundTest, RefundingADuplicateTwiceIsCaught) {
  ledger_.Refund(1, 1, 500);
  ledger_.Refund(1, 1, 500);
  EXPECT_EQ(Violation(), "ctx: intent 1 charge #2 was refunded more than once");
}

TEST_F(BrokenRefundTest, RefundingMoreThanTheChargeIsCaught) {
  ledger_.Refund(1, 1, 1500);
  EXPECT_EQ(Violation(),
            "ctx: intent 1 charge #2 was refunded 15.00, more than its charge of 10.00");
}

TEST_F(BrokenRefundTest, RefundingAChargeThatDoesNotExistIsCaught) {
  ledger_.Refund(0, 1, 1000);
  EXPECT_EQ(Violation(),
            "ctx: intent 0 charge #2 was refunded but the ledger holds no such charge");
}

}  // namespace
}  // namespace dupsim
