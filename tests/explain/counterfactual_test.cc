// The counterfactual on worlds built so the answer is known: each isolates one
// mechanism (tests/world/quiet_world.h), so the explained cause and which
// strategies stop this very duplicate follow from the model, not from a run.
#include <gtest/gtest.h>

#include <sstream>

#include "sim/explain/explanation.h"
#include "sim/explain/renderers.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

const CounterfactualRow& Row(const Explanation& e, const std::string& strategy) {
  for (const CounterfactualRow& row : e.counterfactual) {
    if (row.strategy == strategy) return row;
  }
  ADD_FAILURE() << "no row for " << strategy;
  static const CounterfactualRow none;
  return none;
}

Explanation ExplainUnderNone(Scenario s) {
  s.strategies = {testing::Strategy("none")};
  ExplainRequest request;
  request.threads = 2;
  return Explain(s, request);
}

// Responses lost on the way back; the app retries after its 1 s timeout.
Scenario LostResponses() {
  Scenario s = testing::QuietWorld(2000);
  s.network.response.loss_probability = 0.2;
  return s;
}

// Every user taps twice, 5 ms apart, while the first request is in flight.
Scenario DoubleTaps() {
  Scenario s = testing::QuietWorld(2000);
  s.user.double_tap_probability = 1.0;
  return s;
}

// Confirmations come after 10 s, users give up after 5 s and pay again on a new page
// (as LateConfirmations in tests/world/strategy_catalogue_test.cc).
Scenario LateConfirmations() {
  Scenario s = testing::QuietWorld(2000);
  s.client.response_confirms = false;
  s.confirmation.delay = testing::Constant(10 * kSecond);
  s.user.patience = testing::Constant(5 * kSecond);
  s.user.pay_again_probability = 1.0;
  return s;
}

TEST(Counterfactual, ALostResponseIsAClientRetryThatOnlyAPageKeyStops) {
  const Explanation e = ExplainUnderNone(LostResponses());
  EXPECT_EQ(e.cause, RootCause::kClientRetry);
  EXPECT_EQ(e.Charges(), 2u);
  ASSERT_TRUE(e.counterfactual.front().explained);
  EXPECT_EQ(e.counterfactual.front().strategy, "none");
  EXPECT_TRUE(Row(e, "idempotency_key").Prevented());
  EXPECT_EQ(Row(e, "idempotency_key").charges, 1u);
  // A fresh key per attempt is the classic bug: the retry carries a key the server never saw.
  EXPECT_FALSE(Row(e, "idempotency_key_per_attempt").Prevented());
  // Retries are not taps: a debounced button never sees them.
  EXPECT_FALSE(Row(e, "client_debounce").Prevented());
  EXPECT_EQ(Row(e, "client_debounce").charges, 2u);
}

TEST(Counterfactual, ADoubleTapIsStoppedByDebounceAndByAPageKey) {
  const Explanation e = ExplainUnderNone(DoubleTaps());
  EXPECT_EQ(e.cause, RootCause::kDoubleTap);
  EXPECT_TRUE(Row(e, "client_debounce").Prevented());
  EXPECT_TRUE(Row(e, "idempotency_key").Prevented());
  EXPECT_FALSE(Row(e, "idempotency_key_per_attempt").Prevented());
}

TEST(Counterfactual, PayingAgainOnANewPageNeedsAnOrderNumberNotAPageKey) {
  const Explanation e = ExplainUnderNone(LateConfirmations());
  EXPECT_EQ(e.cause, RootCause::kUserRepayNoConfirmation);
  EXPECT_FALSE(Row(e, "idempotency_key").Prevented());
  EXPECT_EQ(Row(e, "idempotency_key").charges, 2u);
  EXPECT_TRUE(Row(e, "order_id").Prevented());
  EXPECT_EQ(Row(e, "order_id").charges, 1u);
}

TEST(Counterfactual, RefundsAreCountedNotMistakenForPrevention) {
  const Explanation e = ExplainUnderNone(DoubleTaps());
  const CounterfactualRow& refunds = Row(e, "reconcile_and_refund");
  EXPECT_EQ(refunds.charges, 2u);
  EXPECT_EQ(refunds.refunds, 1u);
  EXPECT_FALSE(refunds.Prevented());
}

TEST(Counterfactual, EveryStrategyOnceTheScenarioListFirst) {
  Scenario s = DoubleTaps();
  s.strategies = {testing::Strategy("none"),
                  testing::Strategy("client_debounce", {{"window", "200ms"}})};
  const std::vector<Alternative> all = CounterfactualStrategies(s);
  ASSERT_GE(all.size(), StrategyRegistry::Builtin().All().size());
  EXPECT_EQ(all[0].shown, "none");
  EXPECT_EQ(all[1].shown, "client_debounce(window=200ms)");
  std::set<std::string> labels;
  for (const Alternative& a : all) EXPECT_TRUE(labels.insert(a.strategy.label).second) << a.shown;
  // The registry's none is the scenario's none: listed once.
  EXPECT_EQ(
      std::count_if(all.begin(), all.end(), [](const Alternative& a) { return a.shown == "none"; }),
      1);
}

TEST(Counterfactual, TheStoryIsTheNthDuplicatedIntentInIntentOrder) {
  Scenario s = DoubleTaps();
  s.strategies = {testing::Strategy("none")};
  ExplainRequest first;
  ExplainRequest third;
  third.nth = 3;
  const Explanation a = Explain(s, first);
  const Explanation c = Explain(s, third);
  EXPECT_LT(a.intent, c.intent);
  EXPECT_EQ(a.candidates, c.candidates);
  for (const TraceRecord& r : c.story) EXPECT_EQ(r.intent, c.intent);
}

TEST(Counterfactual, ACauseNarrowsTheCandidates) {
  Scenario s = LostResponses();
  s.user.double_tap_probability = 0.2;
  s.strategies = {testing::Strategy("none")};
  for (RootCause cause : {RootCause::kDoubleTap, RootCause::kClientRetry}) {
    ExplainRequest request;
    request.cause = cause;
    const Explanation e = Explain(s, request);
    EXPECT_EQ(e.cause, cause);
    ASSERT_TRUE(e.cause_filter);
  }
}

TEST(Counterfactual, NoDuplicateIsBadInput) {
  Scenario s = DoubleTaps();
  s.strategies = {testing::Strategy("idempotency_key")};
  ExplainRequest request;
  request.scenario_label = "taps";
  try {
    Explain(s, request);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "taps: no duplicated intent under any of its strategies (idempotency_key); name "
              "one with --strategy");
  }
  request.strategy = testing::Strategy("client_debounce");
  EXPECT_THROW(Explain(s, request), InputError);
}

// Same seed, same intents: the same bytes, whatever the threads.
TEST(Counterfactual, OutputDoesNotDependOnThreads) {
  Scenario s = LostResponses();
  s.strategies = {testing::Strategy("none")};
  std::string previous;
  for (unsigned threads : {1u, 4u, 1u}) {
    ExplainRequest request;
    request.threads = threads;
    const Explanation e = Explain(s, request);
    std::ostringstream out;
    RenderExplanation(e, ExplainFormat::kText, {}, out);
    RenderExplanation(e, ExplainFormat::kSvg, {ExplainLanguage::kChinese, false}, out);
    if (!previous.empty()) {
      EXPECT_EQ(out.str(), previous) << threads << " threads";
    }
    previous = out.str();
  }
}

}  // namespace
}  // namespace dupsim
