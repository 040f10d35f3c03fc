// The bundled catalogue (scenarios/*.yaml): every scenario loads with a cause and a
// description, every cause has scenarios, each scenario shows duplicates with no dedup,
// and each runs under its own strategies without breaking an invariant.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "sim/dedup/strategy_registry.h"
#include "sim/input/input_error.h"
#include "sim/run/scenario_runner.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

// Enough intents for every scenario's lesson to show, few enough to keep the suite fast.
constexpr std::uint64_t kTestIntents = 20000;

std::vector<Scenario> Catalogue() {
  std::vector<Scenario> scenarios;
  for (const BundledScenario& bundled : BundledScenarios()) {
    scenarios.push_back(LoadBundledScenario(bundled));
  }
  return scenarios;
}

TEST(Catalogue, AtLeastFourteenScenariosEachWithACauseAndADescription) {
  const std::vector<Scenario> scenarios = Catalogue();
  EXPECT_GE(scenarios.size(), 14u);
  for (const Scenario& s : scenarios) {
    SCOPED_TRACE(s.source);
    EXPECT_TRUE(s.cause.has_value());
    EXPECT_FALSE(s.description.empty());
    EXPECT_GE(s.strategies.size(), 2u);
    EXPECT_EQ(s.strategies.front().label, "none");
  }
}

TEST(Catalogue, EveryCauseHasAScenario) {
  std::set<Cause> seen;
  for (const Scenario& s : Catalogue()) {
    if (s.cause) seen.insert(*s.cause);
  }
  for (Cause cause : kAllCauses) EXPECT_TRUE(seen.count(cause)) << CauseName(cause);
}

TEST(Catalogue, CauseIsOptionalAndStrict) {
  const std::string base = "name: t\nintents: 10\narrivals: { rate_per_s: 1 }\n";
  EXPECT_FALSE(LoadScenarioText(base, "x.yaml").cause.has_value());
  for (Cause cause : kAllCauses) {
    const std::string text = base + "cause: " + std::string(CauseName(cause)) + "\n";
    EXPECT_EQ(LoadScenarioText(text, "x.yaml").cause, cause);
  }
  try {
    LoadScenarioText(base + "cause: network\n", "x.yaml");
    ADD_FAILURE() << "loaded an unknown cause";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "x.yaml:4:8: cause: expected one of technical_fault, user_misoperation, "
              "delayed_confirmation, fraud; got 'network'");
  }
}

// Every scenario under none and under each of its own strategies, in one RunAll (which
// throws InvariantViolation if any run breaks its books), intents capped.
TEST(Catalogue, EveryScenarioShowsDuplicatesUnderNoneAndKeepsItsInvariants) {
  const ConfiguredStrategy none =
      StrategyRegistry::Builtin().Configure("none", StrategyParams("strategies", {}));
  std::vector<Scenario> scenarios = Catalogue();
  for (Scenario& s : scenarios) {
    s.intents = std::min(s.intents, kTestIntents);
    const bool lists_none = std::any_of(s.strategies.begin(), s.strategies.end(),
                                        [](const auto& c) { return c.label == "none"; });
    if (!lists_none) s.strategies.insert(s.strategies.begin(), none);
  }
  std::vector<RunResult> results;
  ASSERT_NO_THROW(results = RunAll(scenarios, 0));
  std::size_t i = 0;
  for (const Scenario& s : scenarios) {
    for (const ConfiguredStrategy& strategy : s.strategies) {
      const RunResult& r = results[i++];
      if (strategy.label == "none") {
        EXPECT_GT(r.duplicate_charges, 0u) << s.source;
      }
    }
  }
  EXPECT_EQ(i, results.size());
}

}  // namespace
}  // namespace dupsim
