// The server-side and after-the-fact defences added with the client ones:
// inbox_dedup at the consumers, what idempotency_key answers a repeat of a
// request still in flight, the dedup tables' peak size, and stacks of layers.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "sim/run/scenario_runner.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::ByCause;
using testing::Constant;
using testing::ExpectSameRun;
using testing::QuietWorld;
using testing::Strategy;

// The ledger writer behind a queue whose consumer dies after a write, before its ack, 5% of
// the time; at most one redelivery (max_deliveries 2), 30 s after the write.
Scenario QueuedWorld() {
  Scenario s = QuietWorld(20000);
  s.server.ledger_queue.enabled = true;
  s.server.ledger_queue.write_delay = Constant(50 * kMillisecond);
  s.server.ledger_queue.crash_before_ack_probability = 0.05;
  s.server.ledger_queue.visibility_timeout = 30 * kSecond;
  s.server.ledger_queue.max_deliveries = 2;
  return s;
}

TEST(InboxDedupTest, TheLedgerWriterSkipsRedeliveriesItWrote) {
  const Scenario s = QueuedWorld();
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.queue_redeliveries, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kQueueRedelivery), none.duplicate_charges);
  EXPECT_EQ(none.duplicate_charges, none.queue_redeliveries);
  EXPECT_EQ(none.inbox_skips, 0u);
  const RunResult r = RunScenario(s, Strategy("inbox_dedup"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  // The same consumer deaths (the queue's draws are per intent): each redelivery arrives
  // and is recognised.
  EXPECT_EQ(r.queue_redeliveries, none.queue_redeliveries);
  EXPECT_EQ(r.inbox_skips, none.queue_redeliveries);
  EXPECT_EQ(r.charges, s.intents);
  EXPECT_EQ(r.strategy_config, "inbox_dedup");
}

TEST(InboxDedupTest, AnInboxThatForgetsBeforeTheRedeliveryStopsNothing) {
  // Ids kept 10 s; the redelivery comes 30 s after the write: written again, as without.
  const Scenario s = QueuedWorld();
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult r = RunScenario(s, Strategy("inbox_dedup", {{"retention", "10s"}}));
  EXPECT_EQ(r.inbox_skips, 0u);
  ExpectSameRun(r, none);
  EXPECT_EQ(r.strategy_config, "inbox_dedup(retention=10s)");
  // Kept 31 s, just past the redelivery (30 s + 50 ms): every one skipped again.
  const RunResult kept = RunScenario(s, Strategy("inbox_dedup", {{"retention", "31s"}}));
  EXPECT_EQ(kept.duplicate_charges, 0u);
  EXPECT_EQ(kept.inbox_skips, none.queue_redeliveries);
}

TEST(InboxDedupTest, TheNotificationHandlerActsOnceOnRedeliveredNotifications) {
  // 40% of deliveries are delivered again a minute later (up to 255 times).
  Scenario s = QuietWorld(10000);
  s.confirmation.redelivery_probability = 0.4;
  s.confirmation.redelivery_delay = Constant(kMinute);
  s.confirmation.max_deliveries = 255;
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.notifications_redelivered, 0u);
  EXPECT_EQ(none.duplicate_notifications_handled, none.notifications_redelivered);
  EXPECT_EQ(none.inbox_skips, 0u);
  const RunResult r = RunScenario(s, Strategy("inbox_dedup"));
  // Redelivery draws come from the channel's own streams: the same redeliveries, all dropped.
  EXPECT_EQ(r.notifications_redelivered, none.notifications_redelivered);
  EXPECT_EQ(r.duplicate_notifications_handled, 0u);
  EXPECT_EQ(r.inbox_skips, none.notifications_redelivered);
  // Ids kept 30 s, redeliveries a minute apart: each one is handled again.
  const RunResult brief = RunScenario(s, Strategy("inbox_dedup", {{"retention", "30s"}}));
  EXPECT_EQ(brief.duplicate_notifications_handled, none.notifications_redelivered);
  EXPECT_EQ(brief.inbox_skips, 0u);
}

TEST(InboxDedupTest, DoesNothingBeforeTheQueue) {
  // A double tap is a new request, a new charge and a new message id: the inbox never sees
  // a repeat, so the run is none's.
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.1;
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Strategy("inbox_dedup"));
  ExpectSameRun(r, none);
  EXPECT_EQ(r.inbox_skips, 0u);
  // With the queue on, too: the double tap's charge is written like any other.
  s.server.ledger_queue.enabled = true;
  s.server.ledger_queue.write_delay = Constant(50 * kMillisecond);
  EXPECT_EQ(RunScenario(s, Strategy("inbox_dedup")).duplicate_charges, none.duplicate_charges);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

using testing::ByCause;
using testing::QuietWorld;
using testing::Strategy;

// Second taps 5 ms after the first: the second request arrives at 15 ms, while the first
// is in service (10-20 ms), so its key is claimed and still in flight.
Scenario InFlightRepeats() {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  return s;
}

ConfiguredStrategy KeyInFlight(const std::string& mode) {
  return Strategy("idempotency_key", {{"in_flight", mode}});
}

TEST(InFlightTest, WaitParksTheRepeatUntilTheFirstCommits) {
  const Scenario s = InFlightRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  const std::uint64_t repeats = none.duplicate_charges;  // one per second tap
  ASSERT_GT(repeats, 0u);
  const RunResult r = RunScenario(s, KeyInFlight("wait"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.conflicts, 0u);
  EXPECT_EQ(r.replayed_responses, repeats);  // each answered with the first's result
  EXPECT_EQ(r.attempts, s.intents + repeats);
  EXPECT_EQ(r.strategy_config, "idempotency_key");
}

TEST(InFlightTest, RejectAnswers409AndTheAppRetriesLater) {
  const Scenario s = InFlightRepeats();
  const RunResult wait = RunScenario(s, KeyInFlight("wait"));
  const RunResult r = RunScenario(s, KeyInFlight("reject"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  // Each second tap gets one 409 (at 15 ms); its retry leaves after the 409 arrives (25 ms),
  // after the first committed (20 ms), and is replayed: one attempt more per repeat.
  EXPECT_EQ(r.conflicts, wait.replayed_responses);
  EXPECT_EQ(r.attempts, wait.attempts + r.conflicts);
  EXPECT_EQ(r.replayed_responses, wait.replayed_responses);
  EXPECT_EQ(r.strategy_config, "idempotency_key(in_flight=reject)");
}

TEST(InFlightTest, RejectWithoutRetriesLeavesTheFirstAnswerToConfirm) {
  // One attempt per submission: the 409 ends the second tap's submission, and the first's
  // answer still confirms the payment. Nothing charged twice, nothing lost.
  Scenario s = InFlightRepeats();
  s.client.max_attempts = 1;
  const RunResult r = RunScenario(s, KeyInFlight("reject"));
  EXPECT_GT(r.conflicts, 0u);
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.lost_payments, 0u);
  EXPECT_EQ(r.confirmed_intents, s.intents);
}

TEST(InFlightTest, ProcessChargesEveryRepeatOfARequestInFlight) {
  const Scenario s = InFlightRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult r = RunScenario(s, KeyInFlight("process"));
  // Every second tap arrives while its first is in flight: all charged, all the store's miss.
  EXPECT_EQ(r.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(ByCause(r, RootCause::kConcurrentInFlight), r.duplicate_charges);
  EXPECT_EQ(r.replayed_responses, 0u);
  EXPECT_EQ(r.conflicts, 0u);
  // A repeat after the commit is still replayed: with answers 100 ms on the way back the
  // page is open until 120 ms, and a 50 ms second tap arrives at 60 ms, after the commit.
  Scenario late = s;
  late.user.double_tap_gap = testing::Constant(50 * kMillisecond);
  late.network.response.latency = testing::Constant(100 * kMillisecond);
  const RunResult after = RunScenario(late, KeyInFlight("process"));
  EXPECT_EQ(after.duplicate_charges, 0u);
  EXPECT_EQ(after.replayed_responses, none.duplicate_charges);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

using testing::QuietWorld;
using testing::Strategy;

TEST(PeakKeysTest, KeysKeptForeverAreOnePerIntent) {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;  // repeats use the page's key: no new entry
  EXPECT_EQ(RunScenario(s, Strategy("idempotency_key")).peak_keys_held, s.intents);
  EXPECT_EQ(RunScenario(s, Strategy("none")).peak_keys_held, 0u);
  EXPECT_EQ(RunScenario(s, Strategy("client_debounce")).peak_keys_held, 0u);
}

// Poisson arrivals at 100/s hold rate x ttl = 1000 keys on average (sd sqrt(1000) = 32); the
// peak is the busiest ttl-long stretch of a 200 s run: above the mean, and, with 20
// stretches of that length, within 5 sd of it.
void ExpectAboutAThousand(std::uint64_t peak) {
  EXPECT_GE(peak, 1000u);
  EXPECT_LE(peak, 1160u);
}

TEST(PeakKeysTest, ATtlBoundsTheKeysToRateTimesTtl) {
  const Scenario s = QuietWorld(20000);
  const RunResult r = RunScenario(s, Strategy("idempotency_key", {{"ttl", "10s"}}));
  ExpectAboutAThousand(r.peak_keys_held);
  // The same peak for the same claims, whoever makes them.
  EXPECT_EQ(
      RunScenario(s, Strategy("idempotency_key_per_attempt", {{"ttl", "10s"}})).peak_keys_held,
      r.peak_keys_held);
}

TEST(PeakKeysTest, AFingerprintIsHeldForItsWindow) {
  const Scenario s = QuietWorld(20000);
  ExpectAboutAThousand(
      RunScenario(s, Strategy("fingerprint_window", {{"window", "10s"}})).peak_keys_held);
  // The default 30 s window: about 3000 (sd 55).
  const std::uint64_t wide = RunScenario(s, Strategy("fingerprint_window")).peak_keys_held;
  EXPECT_GE(wide, 3000u);
  EXPECT_LE(wide, 3280u);
}

TEST(PeakKeysTest, AnInboxKeepsEveryWrittenIdUnlessItsRetentionEnds) {
  Scenario s = QuietWorld(10000);
  s.server.ledger_queue.enabled = true;
  s.server.ledger_queue.write_delay = testing::Constant(50 * kMillisecond);
  // Two inboxes (ledger writer, notification handler), one id per charge in each.
  EXPECT_EQ(RunScenario(s, Strategy("inbox_dedup")).peak_keys_held, 2 * s.intents);
  s.intents = 20000;
  const std::uint64_t brief =
      RunScenario(s, Strategy("inbox_dedup", {{"retention", "5s"}})).peak_keys_held;
  // Each inbox about 100/s x 5 s = 500 (sd 22).
  EXPECT_GE(brief, 2 * 500u);
  EXPECT_LE(brief, 2 * 610u);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

using testing::ByCause;
using testing::Constant;
using testing::ExpectSameRun;
using testing::QuietWorld;
using testing::Strategy;

// Double taps (5 ms), no confirmation for 10 s, users who give up after 5 s and pay again.
Scenario EverythingAtOnce() {
  Scenario s = QuietWorld(5000);
  s.user.double_tap_probability = 0.2;
  s.client.response_confirms = false;
  s.confirmation.delay = Constant(10 * kSecond);
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  return s;
}

constexpr char kStack[] = "{stack: [client_debounce, idempotency_key, reconcile_and_refund]}";

TEST(StrategyStackTest, NamesAndLabelsJoinTheLayers) {
  const ConfiguredStrategy stack = ParseStrategyFlag(kStack);
  EXPECT_EQ(stack.name, "client_debounce+idempotency_key+reconcile_and_refund");
  EXPECT_EQ(stack.label, "client_debounce(window=1s) + idempotency_key + reconcile_and_refund");
  const RunResult r = RunScenario(QuietWorld(100), stack);
  EXPECT_EQ(r.strategy, stack.name);
  EXPECT_EQ(r.strategy_config, stack.label);
}

TEST(StrategyStackTest, EachLayerStopsWhatItCanAndTheLastRefundsTheRest) {
  const Scenario s = EverythingAtOnce();
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult debounce = RunScenario(s, Strategy("client_debounce"));
  const RunResult keys = RunScenario(s, Strategy("idempotency_key"));
  const RunResult refunds = RunScenario(s, Strategy("reconcile_and_refund"));
  const RunResult stack = RunScenario(s, ParseStrategyFlag(kStack));
  // Without defences: each pay-again and each second tap (on either page) is charged; taps
  // are two first taps per intent plus the second taps.
  const std::uint64_t second_taps = none.taps - 2 * s.intents;
  ASSERT_GT(second_taps, 0u);
  EXPECT_EQ(none.duplicate_charges, s.intents + second_taps);
  // The debounce or the keys stop the second taps; neither the new page of a pay-again.
  for (const RunResult* alone : {&debounce, &keys}) {
    EXPECT_EQ(alone->duplicate_charges, s.intents) << alone->strategy;
    EXPECT_EQ(alone->refunded_duplicates, 0u) << alone->strategy;
  }
  EXPECT_EQ(refunds.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(stack.duplicate_charges, s.intents);
  for (const RunResult* alone : {&none, &debounce, &keys, &refunds}) {
    EXPECT_LE(stack.duplicate_charges, alone->duplicate_charges) << alone->strategy;
  }
  // ...and the reconciliation job (found within a day, refunded 1-3 days later; the run
  // lasts until then) gives every pay-again's charge back.
  EXPECT_EQ(stack.refunded_duplicates, stack.duplicate_charges);
  EXPECT_EQ(stack.refunded_amount, stack.duplicate_amount);
  EXPECT_EQ(refunds.refunded_duplicates, refunds.duplicate_charges);
  EXPECT_EQ(stack.false_blocks, 0u);
  // The debounce layer swallowed the second taps before the key layer saw them.
  EXPECT_EQ(stack.replayed_responses, 0u);
  EXPECT_GT(keys.replayed_responses, 0u);
}

TEST(StrategyStackTest, AKeyClaimedByALayerIsReleasedWhenALaterLayerDeclines) {
  // Real repeats 10 s after their original, inside fingerprint_window's 30 s, double tapped
  // 1 time in 5. With the fingerprint first, idempotency_key sees only what it admits. With
  // it second, it declines requests whose key idempotency_key already claimed; the claim must
  // roll back with the request (as for a crash), or the repeat's second tap (same key) is
  // parked behind a first that never commits. Either order: the same charges, and in a quiet
  // world every request answered within 30 ms, so no attempt ever times out.
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  s.user.legitimate_repeat.probability = 0.3;
  s.user.legitimate_repeat.gap = Constant(10 * kSecond);
  const RunResult print_first =
      RunScenario(s, ParseStrategyFlag("{stack: [fingerprint_window, idempotency_key]}"));
  const RunResult keys_first =
      RunScenario(s, ParseStrategyFlag("{stack: [idempotency_key, fingerprint_window]}"));
  ASSERT_GT(print_first.false_blocks, 0u);
  EXPECT_EQ(print_first.timeouts, 0u);
  EXPECT_EQ(keys_first.timeouts, 0u);
  // A declined repeat's second tap 5 ms later is past the 30 s window of a chain's first
  // payment sometimes, and is charged then: only if its key was released.
  EXPECT_EQ(keys_first.charges, print_first.charges);
  EXPECT_EQ(keys_first.false_blocks, print_first.false_blocks);
}

TEST(StrategyStackTest, AStackOfOneIsThatStrategy) {
  const Scenario s = EverythingAtOnce();
  for (const char* name : {"idempotency_key", "client_debounce", "reconcile_and_refund"}) {
    const ConfiguredStrategy one = ParseStrategyFlag(std::string("{stack: [") + name + "]}");
    EXPECT_EQ(one.name, name);
    const RunResult alone = RunScenario(s, Strategy(name));
    const RunResult stacked = RunScenario(s, one);
    ExpectSameRun(stacked, alone);
    EXPECT_EQ(stacked.strategy_config, alone.strategy_config);
    EXPECT_EQ(stacked.refunded_duplicates, alone.refunded_duplicates);
  }
}

}  // namespace
}  // namespace dupsim
