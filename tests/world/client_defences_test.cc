// The client-side defences against repeats (confirm_on_repeat, risk_score,
// two_step_confirmation), each shown where it works and where it does not, with
// what it costs: prompts, blocked real payments and time to confirmation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/scenario_runner.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::ByCause;
using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

// k successes of n Bernoulli(p) trials lie within `sigmas` standard deviations of n p.
void ExpectBinomial(std::uint64_t k, std::uint64_t n, double p, double sigmas = 5) {
  const double mean = static_cast<double>(n) * p;
  EXPECT_NEAR(static_cast<double>(k), mean, sigmas * std::sqrt(mean * (1 - p)))
      << k << " of " << n << " at p=" << p;
}

// Slow double taps (2 s, past client_debounce's 1 s window) on pages whose answer was lost:
// the app timed out after 1 s with no retry, so the page still offers Pay at 2 s.
Scenario SlowDoubleTapsUnanswered() {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  s.user.double_tap_gap = Constant(2 * kSecond);
  s.client.max_attempts = 1;
  s.network.response.loss_probability = 0.3;
  return s;
}

TEST(ConfirmOnRepeatTest, UsersRefuseSlowSecondTapsTheyDidNotMean) {
  const Scenario s = SlowDoubleTapsUnanswered();
  const RunResult none = RunScenario(s, Strategy("none"));
  // Every second tap on a live page is charged without the prompt.
  ASSERT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kDoubleTap), none.duplicate_charges);
  const RunResult r = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_yes", "0"}}));
  EXPECT_EQ(r.duplicate_charges, 0u);
  // The second taps that reached Pay are exactly none's duplicates; each was asked and refused.
  EXPECT_EQ(r.prompts_shown, none.duplicate_charges);
  EXPECT_EQ(r.prompts_refused, r.prompts_shown);
  EXPECT_EQ(r.false_blocks, 0u);  // a refused tap was not meant: its page's first was charged
  EXPECT_EQ(r.taps_blocked, 0u);
}

TEST(ConfirmOnRepeatTest, AHabitOfSayingYesLetsThatShareThrough) {
  const Scenario s = SlowDoubleTapsUnanswered();
  const RunResult none = RunScenario(s, Strategy("none"));
  const double q = 0.4;
  const RunResult r = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_yes", "0.4"}}));
  EXPECT_EQ(r.prompts_shown, none.duplicate_charges);
  // The page never shows success (its one answer was lost), so every "yes" is charged.
  EXPECT_EQ(r.duplicate_charges + r.prompts_refused, r.prompts_shown);
  ExpectBinomial(r.duplicate_charges, r.prompts_shown, q);
  EXPECT_EQ(ByCause(r, RootCause::kDoubleTap), r.duplicate_charges);
}

TEST(ConfirmOnRepeatTest, APageShowingSuccessClosesThePromptEvenOnYes) {
  // Quiet world: the second tap 5 ms after the first is asked about; the answer (3 s) comes
  // long after the first request's response (30 ms) closed the page, so nothing is sent
  // even when every user says yes.
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_yes", "1"}}));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.prompts_shown, none.duplicate_charges);  // every second tap was asked about
  EXPECT_EQ(r.prompts_refused, 0u);                    // ...and nobody said no
  // Slow taps on answered pages never reach a prompt: the page had closed.
  s.user.double_tap_gap = Constant(2 * kSecond);
  const RunResult slow = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_yes", "1"}}));
  EXPECT_EQ(slow.duplicate_charges, 0u);
  EXPECT_EQ(slow.prompts_shown, 0u);
  EXPECT_EQ(slow.taps_swallowed, slow.taps - slow.intents);
}

// Confirmations come after 10 s, users give up after 5 s and pay again on a new page.
Scenario LateConfirmations() {
  Scenario s = QuietWorld(5000);
  s.client.response_confirms = false;
  s.confirmation.delay = Constant(10 * kSecond);
  s.user.patience = Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  return s;
}

TEST(ConfirmOnRepeatTest, DoesNotStopAUserWhoBelievesTheFirstPaymentFailed) {
  const Scenario s = LateConfirmations();
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_EQ(none.duplicate_charges, s.intents);  // every user pays twice
  // The pay-again is meant: the user says yes (answer at 8 s, before the 10 s notification).
  const RunResult yes = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_no", "0"}}));
  EXPECT_EQ(yes.prompts_shown, s.intents);
  EXPECT_EQ(yes.prompts_refused, 0u);
  EXPECT_EQ(yes.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(ByCause(yes, RootCause::kUserRepayNoConfirmation), yes.duplicate_charges);
  // A mistaken "no" is the only thing that saves one: exactly the refused prompts, none
  // of them a false block since the first page was charged.
  const RunResult some = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_no", "0.3"}}));
  EXPECT_EQ(some.duplicate_charges, none.duplicate_charges - some.prompts_refused);
  ExpectBinomial(some.prompts_refused, s.intents, 0.3);
  EXPECT_EQ(some.false_blocks, 0u);
}

// Every intent after the first repeats the one before with probability 0.3, 10 s later.
Scenario RealRepeats() {
  Scenario s = QuietWorld(10000);
  s.user.legitimate_repeat.probability = 0.3;
  s.user.legitimate_repeat.gap = Constant(10 * kSecond);
  return s;
}

TEST(ConfirmOnRepeatTest, RealRepeatsAreAskedAboutAndAMistakenNoBlocksThem) {
  const Scenario s = RealRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.legitimate_repeats, 0u);
  EXPECT_EQ(none.duplicate_charges, 0u);
  // Each repeat's tap comes 10 s after its payer's last, inside the 1 h window: asked.
  const RunResult careful = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_no", "0"}}));
  EXPECT_EQ(careful.prompts_shown, none.legitimate_repeats);
  EXPECT_EQ(careful.prompts_refused, 0u);
  EXPECT_EQ(careful.false_blocks, 0u);
  EXPECT_EQ(careful.charges, none.charges);
  // Every answer "no": every repeat lost, and nothing else.
  const RunResult wrong = RunScenario(s, Strategy("confirm_on_repeat", {{"mistaken_no", "1"}}));
  EXPECT_EQ(wrong.prompts_refused, none.legitimate_repeats);
  EXPECT_EQ(wrong.false_blocks, none.legitimate_repeats);
  EXPECT_EQ(wrong.lost_payments, none.legitimate_repeats);
  EXPECT_EQ(wrong.charges, none.charges - none.legitimate_repeats);
  // A window shorter than the 10 s gap asks about nothing.
  const RunResult narrow =
      RunScenario(s, Strategy("confirm_on_repeat", {{"window", "5s"}, {"mistaken_no", "1"}}));
  EXPECT_EQ(narrow.prompts_shown, 0u);
  EXPECT_EQ(narrow.false_blocks, 0u);
}

TEST(ConfirmOnRepeatTest, TheAnswerTimeDelaysEveryAskedPayment) {
  // 30% of payments are asked about and wait 3 s for the answer: the median stays at the
  // quiet world's 30 ms, the 99th percentile is an asked payment, 3 s later.
  Scenario s = RealRepeats();
  s.strategies = {Strategy("none"),
                  Strategy("confirm_on_repeat", {{"mistaken_no", "0"}, {"answer_time", "3s"}})};
  const std::vector<RunResult> runs = RunAll({s}, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].time_to_confirmation_p99, 30 * kMillisecond);
  EXPECT_TRUE(runs[1].has_baseline);
  EXPECT_EQ(runs[1].extra_time_to_confirmation_p50, 0);
  EXPECT_EQ(runs[1].extra_time_to_confirmation_p99, 3 * kSecond);
  EXPECT_EQ(runs[1].time_to_confirmation_p99, 3 * kSecond + 30 * kMillisecond);
  EXPECT_EQ(runs[0].extra_time_to_confirmation_p99, 0);
  // RunScenario alone has nothing to compare with.
  EXPECT_FALSE(RunScenario(s, s.strategies[1]).has_baseline);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

// Fast double taps (5 ms, score ~1) and real repeats 30 s after a payment shown as paid
// (score 2^(-30/60) x 0.5 = 0.354).
Scenario TapsAndRepeats() {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.1;
  s.user.legitimate_repeat.probability = 0.3;
  s.user.legitimate_repeat.gap = Constant(30 * kSecond);
  return s;
}

ConfiguredStrategy RiskBlock(const std::string& threshold) {
  return Strategy("risk_score", {{"threshold", threshold}, {"action", "block"}});
}

TEST(RiskScoreTest, RaisingTheThresholdTradesBlockedRepeatsForDuplicates) {
  const Scenario s = TapsAndRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  std::vector<RunResult> sweep;
  for (const char* threshold : {"0.1", "0.3", "0.5", "0.7", "0.9", "1"}) {
    sweep.push_back(RunScenario(s, RiskBlock(threshold)));
  }
  for (std::size_t i = 1; i < sweep.size(); ++i) {
    EXPECT_GE(sweep[i].duplicate_charges, sweep[i - 1].duplicate_charges) << i;
    EXPECT_LE(sweep[i].false_blocks, sweep[i - 1].false_blocks) << i;
  }
  // The ends: at 0.1 every repeat (0.354) is refused; at 1 nothing scores high enough (a
  // second tap 5 ms later scores 2^(-5ms/60s) < 1), so it is none.
  EXPECT_EQ(sweep.front().false_blocks, none.legitimate_repeats);
  EXPECT_EQ(sweep.front().duplicate_charges, 0u);
  EXPECT_EQ(sweep.back().false_blocks, 0u);
  EXPECT_EQ(sweep.back().duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(sweep.back().taps_blocked, 0u);
}

TEST(RiskScoreTest, AHighThresholdBlocksDoubleTapsOnly) {
  const Scenario s = TapsAndRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  ASSERT_GT(none.legitimate_repeats, 0u);
  const RunResult r = RunScenario(s, RiskBlock("0.9"));
  // A second tap 5 ms after the first scores 2^(-5ms/60s) ~ 1, on a repeat's page too (its
  // previous tap is the page's first, not yet shown paid); a repeat scores 0.354.
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.false_blocks, 0u);
  EXPECT_EQ(r.taps_blocked, none.duplicate_charges);  // every second tap, nothing else
  EXPECT_EQ(r.charges, none.charges - none.duplicate_charges);
}

TEST(RiskScoreTest, ALowThresholdBlocksEveryRealRepeat) {
  const Scenario s = TapsAndRepeats();
  const RunResult none = RunScenario(s, Strategy("none"));
  // 0.354 >= 0.3: each repeat is refused; a repeat of a refused one was not shown as paid
  // and scores 0.707. Every repeat is a lost payment the user meant.
  const RunResult r = RunScenario(s, RiskBlock("0.3"));
  EXPECT_EQ(r.false_blocks, none.legitimate_repeats);
  EXPECT_EQ(r.lost_payments, none.legitimate_repeats);
  EXPECT_EQ(r.duplicate_charges, 0u);
  // Just above the repeats' score: none blocked.
  EXPECT_EQ(RunScenario(s, RiskBlock("0.36")).false_blocks, 0u);
}

TEST(RiskScoreTest, PromptingAsksInsteadOfBlocking) {
  const Scenario s = TapsAndRepeats();
  const RunResult blocked = RunScenario(s, RiskBlock("0.9"));
  const RunResult r = RunScenario(s, Strategy("risk_score", {{"threshold", "0.9"}}));
  // The same taps are flagged; each is asked about instead of refused.
  EXPECT_EQ(r.taps_blocked, 0u);
  EXPECT_GT(r.prompts_shown, 0u);
  EXPECT_EQ(r.prompts_shown, blocked.taps_blocked);
  // The flagged taps are 5 ms second taps: their page shows success (30 ms) before the
  // answer (3 s), so whatever the answer nothing is charged.
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.false_blocks, 0u);
}

TEST(RiskScoreTest, BlockTakesNoAnswerParameters) {
  auto error_of = [](const std::string& flag) -> std::string {
    try {
      ParseStrategyFlag(flag);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  EXPECT_EQ(error_of("{name: risk_score, action: block, answer_time: 2s}"),
            "--strategy.answer_time: only with action: prompt");
  EXPECT_EQ(error_of("{name: risk_score, action: block, mistaken_no: 0.1}"),
            "--strategy.mistaken_no: only with action: prompt");
  EXPECT_EQ(error_of("{name: risk_score, action: prompt, answer_time: 2s}"), "(accepted)");
  EXPECT_EQ(ParseStrategyFlag("{name: risk_score, action: block, threshold: 0.7}").label,
            "risk_score(threshold=0.7, half_life=1m, paid_weight=0.5, action=block)");
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

using testing::ByCause;
using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

ConfiguredStrategy Review(const std::string& ratio, const std::string& abandon = "0") {
  return Strategy("two_step_confirmation",
                  {{"double_tap_ratio", ratio}, {"abandon_probability", abandon}});
}

TEST(TwoStepConfirmationTest, DoubleTapsOnPayLandOnTheReviewScreen) {
  Scenario s = QuietWorld(10000);
  s.user.double_tap_probability = 0.2;
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Review("0"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.prompts_shown, s.intents);  // one review screen per intent (nobody pays again)
  EXPECT_EQ(r.prompts_refused, 0u);
  EXPECT_EQ(r.charges, s.intents);
  // Taps: the user's Pay taps, plus one Confirm each; the second Pay taps were swallowed.
  EXPECT_EQ(r.taps, none.taps + s.intents);
  EXPECT_EQ(r.taps_swallowed, none.duplicate_charges);
}

TEST(TwoStepConfirmationTest, HabitualDoubleTappersDoubleConfirmToo) {
  // The doubled Confirm is drawn from the app's own stream: a Binomial(n, p x ratio) count,
  // independent of none's Binomial(n, p) double taps.
  const double p = 0.2;
  const std::uint64_t n = 10000;
  Scenario s = QuietWorld(n);
  s.user.double_tap_probability = p;
  const RunResult none = RunScenario(s, Strategy("none"));
  ExpectBinomial(none.duplicate_charges, n, p);
  const RunResult all = RunScenario(s, Review("1"));
  ExpectBinomial(all.duplicate_charges, n, p);
  // Difference of two independent Binomial(n, p): sd sqrt(2 n p (1 - p)).
  EXPECT_NEAR(static_cast<double>(all.duplicate_charges),
              static_cast<double>(none.duplicate_charges), 5 * std::sqrt(2 * n * p * (1 - p)));
  EXPECT_EQ(ByCause(all, RootCause::kDoubleTap), all.duplicate_charges);
  const RunResult half = RunScenario(s, Review("0.5"));
  ExpectBinomial(half.duplicate_charges, n, p * 0.5);
  EXPECT_LT(half.duplicate_charges, all.duplicate_charges);
}

TEST(TwoStepConfirmationTest, EveryPaymentWaitsTheReviewTime) {
  // Constant delays: 30 ms to the answer, plus 3 s on the review screen, for every payment.
  Scenario s = QuietWorld(5000);
  s.user.double_tap_probability = 0.2;
  const RunResult none = RunScenario(s, Strategy("none"));
  const RunResult r = RunScenario(s, Review("0"));
  EXPECT_EQ(none.time_to_confirmation_p50, 30 * kMillisecond);
  EXPECT_EQ(r.time_to_confirmation_p50, none.time_to_confirmation_p50 + 3 * kSecond);
  EXPECT_EQ(r.time_to_confirmation_p99, none.time_to_confirmation_p99 + 3 * kSecond);
  const RunResult slow = RunScenario(
      s, Strategy("two_step_confirmation", {{"review_time", "10s"}, {"double_tap_ratio", "0"}}));
  EXPECT_EQ(slow.time_to_confirmation_p50, none.time_to_confirmation_p50 + 10 * kSecond);
}

TEST(TwoStepConfirmationTest, UsersWhoLeaveTheReviewScreenArePaymentsLost) {
  Scenario s = QuietWorld(5000);
  s.user.double_tap_probability = 0.2;
  const RunResult r = RunScenario(s, Review("0", "1"));
  EXPECT_EQ(r.charges, 0u);
  EXPECT_EQ(r.lost_payments, s.intents);
  EXPECT_EQ(r.false_blocks, s.intents);  // every one a payment the user meant
  EXPECT_EQ(r.prompts_shown, s.intents);
  EXPECT_EQ(r.prompts_refused, s.intents);
  const RunResult some = RunScenario(s, Review("0", "0.1"));
  EXPECT_EQ(some.false_blocks, some.prompts_refused);
  EXPECT_EQ(some.charges, s.intents - some.false_blocks);
  ExpectBinomial(some.false_blocks, s.intents, 0.1);
}

TEST(TwoStepConfirmationTest, ARunThatConfirmsNothingIsNotFasterThanNone) {
  // Every user leaves the review screen: nobody is ever told they paid, so the run has no
  // time to confirmation (0 by convention) and nothing to compare with none's 30 ms.
  Scenario s = QuietWorld(2000);
  s.strategies = {Strategy("none"), Review("0", "1")};
  const std::vector<RunResult> runs = RunAll({s}, 1);
  ASSERT_EQ(runs.size(), 2u);
  ASSERT_EQ(runs[1].confirmed_intents, 0u);
  EXPECT_EQ(runs[1].time_to_confirmation_p50, 0);
  // A comparison would read as "30 ms faster than none" in the reports: there is none.
  EXPECT_FALSE(runs[1].has_baseline);
  EXPECT_TRUE(runs[0].has_baseline);
}

TEST(TwoStepConfirmationTest, DoesNotStopTimeoutRetries) {
  // Answers lost on the way back, a fresh key per attempt: the app's retries charge again
  // after the review exactly as without it (same attempts, same network draws).
  Scenario s = QuietWorld(10000);
  s.network.response.loss_probability = 0.2;
  s.client.key_scope = KeyScope::kPerAttempt;
  const RunResult none = RunScenario(s, Strategy("none"));
  ASSERT_GT(none.duplicate_charges, 0u);
  const RunResult r = RunScenario(s, Review("0"));
  EXPECT_EQ(r.duplicate_charges, none.duplicate_charges);
  EXPECT_EQ(ByCause(r, RootCause::kClientRetry), r.duplicate_charges);
  EXPECT_EQ(r.attempts, none.attempts);
}

}  // namespace
}  // namespace dupsim
