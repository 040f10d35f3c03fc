// The run's books: a strategy that acknowledges payments it never charged must
// fail the run, naming the intent, instead of reporting a clean 0%.
#include <gtest/gtest.h>

#include "sim/run/invariant_checker.h"
#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

// Answers every request "from the key store" without ever charging: the bug
// class where a dedup layer acknowledges a payment the ledger never saw.
class AcknowledgesWithoutCharging final : public Strategy, public ServerDefence {
 public:
  std::string Describe() const override { return "broken_replay"; }
  ServerDefence* ServerLayer() override { return this; }
  AdmissionDecision AdmitRequest(const ChargeRequestView&, KeyStore&) override {
    return Admission::kReplayFirst;
  }
};

ConfiguredStrategy Broken() {
  return {"broken_replay", "broken_replay",
          [] { return std::make_unique<AcknowledgesWithoutCharging>(); }};
}

TEST(InvariantTest, AcknowledgedPaymentMissingFromTheLedgerFailsTheRun) {
  const Scenario s = testing::QuietWorld(100);
  try {
    RunScenario(s, Broken());
    FAIL() << "expected an InvariantViolation";
  } catch (const InvariantViolation& e) {
    EXPECT_STREQ(e.what(),
                 "quiet under broken_replay: intent 0 was shown as paid by the app but has no "
                 "charge in the ledger");
  }
}

TEST(InvariantTest, RunAllReportsTheFirstFailingRunInOrderWhateverTheThreads) {
  Scenario s = testing::QuietWorld(100);
  s.strategies = {testing::Strategy("none"), Broken(), testing::Strategy("idempotency_key")};
  for (unsigned threads : {1u, 2u}) {
    EXPECT_THROW(RunAll({s}, threads), InvariantViolation) << threads;
  }
}

TEST(InvariantTest, BooksThatBalancePass) {
  const std::uint32_t charges[] = {1, 2, 0};
  const std::uint8_t acknowledged[] = {1, 1, 0};
  const std::uint8_t confirmed[] = {1, 0, 0};
  EXPECT_NO_THROW(CheckInvariants({.charges_per_intent = charges,
                                   .charges = 3,
                                   .acknowledged = acknowledged,
                                   .confirmed = confirmed},
                                  "ctx"));
}

TEST(InvariantTest, MoneyBalancesOnlyWhenEveryChargeCarriesItsIntentsAmount) {
  const std::uint32_t charges[] = {1, 2, 0};
  const Money amounts[] = {500, 700, 900};
  RunBooks books{.charges_per_intent = charges,
                 .charges = 3,
                 .amounts = amounts,
                 .charged_amount = 500 + 700 + 700,
                 .duplicate_amount = 700};
  EXPECT_NO_THROW(CheckInvariants(books, "ctx"));
  books.charged_amount = 500 + 700 + 650;  // one charge took the wrong amount
  try {
    CheckInvariants(books, "ctx");
    FAIL();
  } catch (const InvariantViolation& e) {
    EXPECT_STREQ(e.what(),
                 "ctx: money does not balance: charged 18.50 != intended 12.00 + duplicated 7.00 - "
                 "refunded 0.00");
  }
}

TEST(InvariantTest, EachBrokenBookHasItsOwnMessage) {
  const std::uint32_t charges[] = {1, 0};
  const std::uint8_t second[] = {0, 1};
  auto message = [](const RunBooks& books) {
    try {
      CheckInvariants(books, "ctx");
    } catch (const InvariantViolation& e) {
      return std::string(e.what());
    }
    return std::string("no violation");
  };
  EXPECT_EQ(message({.charges_per_intent = charges,
                     .charges = 1,
                     .stray_charges = 2,
                     .first_stray_intent = 7}),
            "ctx: 2 charge(s) for intent 7, which this run never created");
  EXPECT_EQ(message({.charges_per_intent = charges, .charges = 5}),
            "ctx: the ledger holds 5 charges but its intents sum to 1");
  EXPECT_EQ(message({.charges_per_intent = charges, .charges = 1, .confirmed = second}),
            "ctx: intent 1 was confirmed to its user but has no charge in the ledger");
}

}  // namespace
}  // namespace dupsim
