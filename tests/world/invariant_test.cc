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
class AcknowledgesWithoutCharging final : public Strategy {
 public:
  std::string Describe() const override { return "broken_replay"; }
  Admission AdmitRequest(const ChargeRequestView&, IdempotencyStore&) override {
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
  EXPECT_NO_THROW(CheckInvariants({charges, 3, 0, 0, acknowledged, confirmed}, "ctx"));
}

TEST(InvariantTest, EachBrokenBookHasItsOwnMessage) {
  const std::uint32_t charges[] = {1, 0};
  const std::uint8_t none[] = {0, 0};
  const std::uint8_t second[] = {0, 1};
  auto message = [](const RunBooks& books) {
    try {
      CheckInvariants(books, "ctx");
    } catch (const InvariantViolation& e) {
      return std::string(e.what());
    }
    return std::string("no violation");
  };
  EXPECT_EQ(message({charges, 1, 2, 7, none, none}),
            "ctx: 2 charge(s) for intent 7, which this run never created");
  EXPECT_EQ(message({charges, 5, 0, 0, none, none}),
            "ctx: the ledger holds 5 charges but its intents sum to 1");
  EXPECT_EQ(message({charges, 1, 0, 0, none, second}),
            "ctx: intent 1 was confirmed to its user but has no charge in the ledger");
}

}  // namespace
}  // namespace dupsim
