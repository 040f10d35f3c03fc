// The ways a key store still lets duplicates through: a check-then-insert race,
// and per-replica stores replicated after a lag.
#include <gtest/gtest.h>

#include "sim/run/scenario_runner.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

using testing::ByCause;

TEST(KeyStoreTest, CheckThenInsertLetsTapsInsideTheRaceWindowThrough) {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;  // the second request reaches the server 5 ms later
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult racy = RunScenario(
      s, Strategy("idempotency_key", {{"claim", "check_then_insert"}, {"race_window", "20ms"}}));
  EXPECT_EQ(racy.strategy_config, "idempotency_key(claim=check_then_insert, race_window=20ms)");
  ASSERT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(racy.duplicate_charges, none.duplicate_charges);  // every one inside the window
  EXPECT_EQ(ByCause(racy, RootCause::kConcurrentInFlight), racy.duplicate_charges);
  // A window shorter than the gap: the second check sees the insert.
  const RunResult narrow = RunScenario(
      s, Strategy("idempotency_key", {{"claim", "check_then_insert"}, {"race_window", "2ms"}}));
  EXPECT_EQ(narrow.duplicate_charges, 0u);
}

TEST(KeyStoreTest, PerReplicaStoresMissWhatTheOtherReplicaClaimedWithinTheLag) {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  s.server.replicas = 2;
  const RunResult lagging = RunScenario(
      s, Strategy("idempotency_key", {{"store", "per_replica"}, {"replication_lag", "50ms"}}));
  // Round-robin sends some second taps to the other replica, within the lag.
  EXPECT_GT(lagging.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(lagging, RootCause::kReplicationLag), lagging.duplicate_charges);
  // No lag, a lag shorter than the gap, or a single replica: nothing slips through.
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key",
                                    {{"store", "per_replica"}, {"replication_lag", "0"}}))
                .duplicate_charges,
            0u);
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key",
                                    {{"store", "per_replica"}, {"replication_lag", "1ms"}}))
                .duplicate_charges,
            0u);
  s.server.replicas = 1;
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key",
                                    {{"store", "per_replica"}, {"replication_lag", "50ms"}}))
                .duplicate_charges,
            0u);
}

TEST(KeyStoreTest, OptionsThatNeedAnotherOptionSaySo) {
  EXPECT_THROW(Strategy("idempotency_key", {{"race_window", "5ms"}}), InputError);
  EXPECT_THROW(Strategy("idempotency_key", {{"replication_lag", "5ms"}}), InputError);
  EXPECT_THROW(Strategy("idempotency_key", {{"claim", "optimistic"}}), InputError);
}

}  // namespace
}  // namespace dupsim
