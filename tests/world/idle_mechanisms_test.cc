// Knobs that never fired (sim/run/idle_mechanisms.h), on real runs: a knob set in
// a world where it cannot happen is named with its key and value; one that fired,
// or one that is not set, is not.
#include "sim/run/idle_mechanisms.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

const IdleMechanism kRetries{"retries", "client.retry.max_attempts", "3"};

// The quiet world without retries: nothing is configured, so nothing can be idle.
Scenario SingleAttemptWorld() {
  Scenario s = QuietWorld(2000);
  s.client.max_attempts = 1;
  return s;
}

TEST(IdleMechanisms, AQuietWorldConfiguresNothingIdle) {
  const RunResult r = RunScenario(SingleAttemptWorld(), Strategy("none"));
  EXPECT_EQ(r.retries, 0u);
  EXPECT_TRUE(r.idle_mechanisms.empty());
}

// The user report: confirmations come after 100 ms, patience is 30 s, so nobody pays again.
TEST(IdleMechanisms, PayAgainsThatConfirmationsForestallAreNamed) {
  Scenario s = SingleAttemptWorld();
  s.user.pay_again_probability = 0.3;
  for (const char* name : {"none", "idempotency_key"}) {
    const RunResult r = RunScenario(s, Strategy(name));
    EXPECT_EQ(r.pay_agains, 0u) << name;
    EXPECT_EQ(
        r.idle_mechanisms,
        (std::vector<IdleMechanism>{{"pay-agains", "user.pay_again_without_confirmation", "0.3"}}))
        << name;
  }
}

// Every answer comes in 30 ms, the timeout is 1 s: three attempts, never a second one.
TEST(IdleMechanisms, RetriesThatNoTimeoutTriggersAreNamed) {
  const RunResult r = RunScenario(QuietWorld(2000), Strategy("none"));
  EXPECT_EQ(r.attempts, 2000u);
  EXPECT_EQ(r.retries, 0u);
  EXPECT_EQ(r.idle_mechanisms, std::vector<IdleMechanism>{kRetries});
}

TEST(IdleMechanisms, RetriesThatHappenAreNotNamed) {
  Scenario s = QuietWorld(2000);
  s.network.request.loss_probability = 0.3;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_GT(r.retries, 0u);
  EXPECT_EQ(r.retries, r.attempts - 2000);  // one submission per intent: no double taps
  EXPECT_TRUE(r.idle_mechanisms.empty());
}

// Nobody is ever told they paid, so every user pays again: pay-agains fire; retries still
// do not.
TEST(IdleMechanisms, PayAgainsThatHappenAreNotNamed) {
  Scenario s = QuietWorld(2000);
  s.client.response_confirms = false;
  s.confirmation.loss_probability = 1.0;
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.pay_agains, 2000u);
  EXPECT_EQ(r.idle_mechanisms, std::vector<IdleMechanism>{kRetries});
}

// Crash knobs have no row: the run waits for a crash already scheduled, so even one crash per
// thousand hours comes, and so does a crash scheduled long after the last payment.
TEST(IdleMechanisms, CrashesAlwaysFire) {
  Scenario s = SingleAttemptWorld();
  s.server.crashes.restart = Constant(kSecond);
  s.server.crashes.rate_per_hour = 0.001;
  const RunResult random = RunScenario(s, Strategy("none"));
  EXPECT_EQ(random.server_crashes, 1u);
  EXPECT_TRUE(random.idle_mechanisms.empty());

  s.server.crashes.rate_per_hour = 0;
  s.server.crashes.schedule.push_back({10 * kHour, 0});
  const RunResult scheduled = RunScenario(s, Strategy("none"));
  EXPECT_EQ(scheduled.server_crashes, 1u);
  EXPECT_TRUE(scheduled.idle_mechanisms.empty());
}

// Refunds and support contacts act on duplicates: with none to act on they are not idle
// knobs, whatever the counters say.
TEST(IdleMechanisms, AfterTheFactKnobsNeedDuplicatesToBeIdle) {
  Scenario s = SingleAttemptWorld();
  s.reconciliation.enabled = true;
  s.support.contact_probability = 0.5;
  s.support.notice_delay = Constant(kHour);
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.refunded_duplicates, 0u);
  EXPECT_TRUE(r.idle_mechanisms.empty());

  RunResult with_duplicates = r;
  with_duplicates.duplicate_charges = 5;
  EXPECT_EQ(
      IdleMechanisms(s, with_duplicates),
      (std::vector<IdleMechanism>{{"refunds", "reconciliation", "on"},
                                  {"support contacts", "support.contact_probability", "0.5"}}));
}

// Every row of the table at once, from the scenario alone (a result with all counters 0):
// the order and the rendering of each value.
TEST(IdleMechanisms, EveryConfiguredKnobWithAZeroCounterIsNamedInOrder) {
  Scenario s = QuietWorld(10);
  s.user.pay_again_probability = 0.25;
  s.user.status_query_probability = 0.5;
  s.user.legitimate_repeat.probability = 0.125;
  s.user.fraud.probability = 0.01;
  s.client.max_attempts = 4;
  s.server.crashes.rate_per_hour = 1.5;
  s.server.crashes.schedule = {{kSecond, 0}, {2 * kSecond, 0}};
  s.server.ledger_queue.enabled = true;
  s.server.ledger_queue.crash_before_ack_probability = 0.05;
  s.load_balancer.enabled = true;
  s.load_balancer.retry_non_idempotent = true;
  s.load_balancer.tries = 3;
  s.confirmation.redelivery_probability = 0.2;
  s.reconciliation.enabled = true;
  s.support.contact_probability = 0.75;
  RunResult r;
  r.duplicate_charges = 1;
  EXPECT_EQ(IdleMechanisms(s, r),
            (std::vector<IdleMechanism>{
                {"pay-agains", "user.pay_again_without_confirmation", "0.25"},
                {"status queries", "user.status_query.probability", "0.5"},
                {"legitimate repeats", "user.legitimate_repeat.probability", "0.125"},
                {"scam attempts", "user.fraud.probability", "0.01"},
                {"retries", "client.retry.max_attempts", "4"},
                {"ledger queue redeliveries", "server.ledger_queue.crash_before_ack", "0.05"},
                {"proxy retries", "load_balancer.tries", "3"},
                {"notification redeliveries", "confirmation.redelivery.probability", "0.2"},
                {"refunds", "reconciliation", "on"},
                {"support contacts", "support.contact_probability", "0.75"},
            }));
}

// Settings that switch a mechanism off whatever its probability or count says.
TEST(IdleMechanisms, KnobsThatCannotActAreNotConfigured) {
  Scenario s = SingleAttemptWorld();
  s.user.pay_again_probability = 0.3;
  s.user.pay_again_limit = 0;                                // nobody may pay again
  s.load_balancer.tries = 3;                                 // no balancer
  s.server.ledger_queue.crash_before_ack_probability = 0.5;  // no queue
  s.confirmation.redelivery_probability = 0.5;
  s.confirmation.max_deliveries = 1;  // one delivery at most
  EXPECT_TRUE(IdleMechanisms(s, RunResult{}).empty());
  s.load_balancer.enabled = true;  // a balancer that does not retry POSTs
  EXPECT_TRUE(IdleMechanisms(s, RunResult{}).empty());
}

}  // namespace
}  // namespace dupsim
