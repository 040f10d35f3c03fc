// A scenario's fingerprint: the same effective parameters give the same one, a changed key a
// different one (and the parameter lines name the key), defaults count as written.
#include "sim/scenario/scenario_fingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

const std::string kBase =
    "name: x\n"
    "intents: 100\n"
    "arrivals: { rate_per_s: 10 }\n";

Scenario Load(const std::string& extra) {
  return LoadScenarioText(kBase + extra, "x.yaml");
}

// The keys whose values differ between `a` and `b` (both sorted, as ScenarioParameters gives).
std::vector<std::string> DifferingKeys(const Scenario& a, const Scenario& b) {
  const auto pa = ScenarioParameters(a);
  const auto pb = ScenarioParameters(b);
  std::vector<std::pair<std::string, std::string>> diff;
  std::set_symmetric_difference(pa.begin(), pa.end(), pb.begin(), pb.end(),
                                std::back_inserter(diff));
  std::vector<std::string> keys;
  for (const auto& [key, value] : diff) {
    if (keys.empty() || keys.back() != key) keys.push_back(key);
  }
  return keys;
}

std::string ValueOf(const Scenario& s, const std::string& key) {
  for (const auto& [k, v] : ScenarioParameters(s)) {
    if (k == key) return v;
  }
  return "<missing>";
}

TEST(ScenarioFingerprint, IsSixteenHexDigitsAndTheSameForTheSameScenario) {
  const std::string fingerprint = ScenarioFingerprint(Load("client: { timeout: 2s }\n"));
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fingerprint, ScenarioFingerprint(Load("client: { timeout: 2s }\n")));
}

TEST(ScenarioFingerprint, IsFnv1a64OfTheLines) {
  // FNV-1a 64 of "" is the offset basis; that of "a=b\n" was computed outside the code.
  EXPECT_EQ(ParametersFingerprint({}), "cbf29ce484222325");
  EXPECT_EQ(ParametersFingerprint({{"a", "b"}}), "ec8b8c82c37596fb");
  EXPECT_NE(ParametersFingerprint({{"a", "b"}}), ParametersFingerprint({{"a", "c"}}));
  EXPECT_NE(ParametersFingerprint({{"ab", ""}}), ParametersFingerprint({{"a", "b"}}));
}

TEST(ScenarioFingerprint, OneChangedKeyChangesItAndIsNamed) {
  const Scenario before = Load("client: { timeout: 2s }\n");
  const Scenario after = Load("client: { timeout: 500ms }\n");
  EXPECT_NE(ScenarioFingerprint(before), ScenarioFingerprint(after));
  EXPECT_EQ(DifferingKeys(before, after), std::vector<std::string>{"client.timeout"});
  EXPECT_EQ(ValueOf(before, "client.timeout"), "2s");
  EXPECT_EQ(ValueOf(after, "client.timeout"), "500ms");
}

TEST(ScenarioFingerprint, KeysAreThoseOfTheYaml) {
  const Scenario s = Load(
      "user:\n"
      "  double_tap: { probability: 0.05, gap: { dist: uniform, min: 50ms, max: 400ms } }\n"
      "  amount: { dist: constant, value: 19.99 }\n");
  EXPECT_EQ(ValueOf(s, "user.double_tap.probability"), "0.05");
  EXPECT_EQ(ValueOf(s, "user.double_tap.gap"), "uniform(50ms..400ms)");
  EXPECT_EQ(ValueOf(s, "user.amount"), "constant(19.99)");
  EXPECT_EQ(ValueOf(s, "network.request.loss"), "0");
  EXPECT_EQ(ValueOf(s, "load_balancer"), "off");
  EXPECT_EQ(ValueOf(s, "user.fraud.delay"), "unset");
}

TEST(ScenarioFingerprint, DefaultsSpelledOutEqualLeavingThemOut) {
  const Scenario implicit = Load("");
  const Scenario explicit_defaults = Load(
      "seed: 1\n"
      "user: { patience: { dist: constant, value: 30s }, pay_again_without_confirmation: 0,\n"
      "        pay_again_limit: 1, amount: { dist: constant, value: 10.00 } }\n"
      "client:\n"
      "  timeout: 3s\n"
      "  retry: { max_attempts: 1, backoff: { base: 200ms, cap: 2s, jitter: full } }\n"
      "  idempotency_key: per_intent\n"
      "  response_confirms: true\n"
      "network: { request: { latency: { dist: constant, value: 0 }, loss: 0, duplicate: 0 } }\n"
      "server: { processing: { dist: constant, value: 0 }, replicas: 1, concurrency: 0 }\n"
      "confirmation: { delay: { dist: constant, value: 0 }, loss: 0 }\n");
  EXPECT_EQ(DifferingKeys(implicit, explicit_defaults), std::vector<std::string>{});
  EXPECT_EQ(ScenarioFingerprint(implicit), ScenarioFingerprint(explicit_defaults));
}

TEST(ScenarioFingerprint, SeedIntentsNamesAndStrategiesAreLeftOut) {
  const Scenario a = Load("strategies: [none]\n");
  const Scenario b = LoadScenarioText(
      "name: y\ndescription: other words\nseed: 7\nintents: 5000\n"
      "arrivals: { rate_per_s: 10 }\nstrategies: [none, idempotency_key, client_debounce]\n",
      "y.yaml");
  EXPECT_EQ(ScenarioFingerprint(a), ScenarioFingerprint(b));
  // So are a strategy's expectations, kept beside the list (Scenario::expectations).
  const Scenario expecting =
      Load("strategies: [{ name: none, expect: { duplicate_rate: { max: 1% } } }]\n");
  ASSERT_EQ(expecting.ExpectationsOf("none").size(), 1u);
  EXPECT_EQ(ScenarioFingerprint(a), ScenarioFingerprint(expecting));
}

TEST(ScenarioFingerprint, KeysAreSortedAndUniqueInEveryBundledScenario) {
  for (const BundledScenario& bundled : BundledScenarios()) {
    const Scenario s = LoadBundledScenario(bundled);
    const auto lines = ScenarioParameters(s);
    for (std::size_t i = 1; i < lines.size(); ++i) {
      EXPECT_LT(lines[i - 1].first, lines[i].first) << bundled.file;
    }
  }
}

}  // namespace
}  // namespace dupsim
