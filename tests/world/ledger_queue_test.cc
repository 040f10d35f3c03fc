// At-least-once delivery to the ledger writer: redeliveries are duplicates no client caused.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

Scenario QueuedWorld(double crash_before_ack, std::uint32_t max_deliveries) {
  Scenario s = testing::QuietWorld(40000);
  s.server.ledger_queue.enabled = true;
  s.server.ledger_queue.write_delay = testing::Constant(50 * kMillisecond);
  s.server.ledger_queue.crash_before_ack_probability = crash_before_ack;
  s.server.ledger_queue.visibility_timeout = 30 * kSecond;
  s.server.ledger_queue.max_deliveries = max_deliveries;
  return s;
}

TEST(LedgerQueueTest, OneRedeliveryAtMostDuplicatesAtTheCrashRate) {
  const double p = 0.05;
  const Scenario s = QueuedWorld(p, 2);
  for (const char* name : {"none", "idempotency_key"}) {  // keys at the API cannot help
    const RunResult r = RunScenario(s, testing::Strategy(name));
    EXPECT_NEAR(r.duplicate_rate.rate, p, 4 * std::sqrt(p * (1 - p) / 40000)) << name;
    EXPECT_EQ(r.queue_redeliveries, r.duplicate_charges) << name;
    EXPECT_EQ(r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kQueueRedelivery)],
              r.duplicate_charges)
        << name;
  }
}

TEST(LedgerQueueTest, RepeatedRedeliveriesAreGeometric) {
  // Deliveries per command: 1 + Geometric; mean duplicates p / (1 - p) (10 deliveries is ample).
  const double p = 0.3;
  const RunResult r = RunScenario(QueuedWorld(p, 10), testing::Strategy("none"));
  const double mean = p / (1 - p);
  const double var = p / ((1 - p) * (1 - p));
  EXPECT_NEAR(r.duplicate_rate.rate, mean, 4 * std::sqrt(var / 40000));
}

TEST(LedgerQueueTest, AReliableConsumerChangesOnlyWhenThingsHappen) {
  const RunResult r = RunScenario(QueuedWorld(0, 10), testing::Strategy("none"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.charges, r.intents);
  // The app is answered at the enqueue: 30 ms as without the queue.
  EXPECT_EQ(r.time_to_confirmation_p50, 30 * kMillisecond);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(NotificationRedeliveryTest, RedeliveriesAreGeometricAndNeverCharge) {
  Scenario s = testing::QuietWorld(40000);
  const RunResult plain = RunScenario(s, testing::Strategy("none"));
  s.confirmation.redelivery_probability = 0.4;
  s.confirmation.redelivery_delay = testing::Constant(kMinute);
  s.confirmation.max_deliveries = 255;
  const RunResult r = RunScenario(s, testing::Strategy("none"));
  // Deliveries per notification: 1 + Geometric(0.4): 0.4 / 0.6 more on average.
  const double per_notification = static_cast<double>(r.notifications_redelivered) / 40000;
  EXPECT_NEAR(per_notification, 0.4 / 0.6, 4 * std::sqrt(0.4 / (0.6 * 0.6) / 40000));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.charges, plain.charges);
  EXPECT_EQ(r.time_to_confirmation_p50, plain.time_to_confirmation_p50);
  EXPECT_EQ(plain.notifications_redelivered, 0u);
}

}  // namespace
}  // namespace dupsim
