// The README example loads into the expected Scenario, and absent keys take their documented
// defaults.
#include "sim/scenario/scenario_loader.h"

#include <gtest/gtest.h>

namespace dupsim {
namespace {

constexpr char kExample[] = R"(name: double-tap-basics
description: Users sometimes tap Pay twice; no network faults.
seed: 7
intents: 100000
arrivals: { rate_per_s: 50 }
user:
  double_tap: { probability: 0.1, gap: { dist: uniform, min: 50ms, max: 400ms } }
  patience: { dist: constant, value: 30s }
  pay_again_without_confirmation: 0.0
client:
  timeout: 3s
  retry: { max_attempts: 3, backoff: { base: 200ms, cap: 2s, jitter: full } }
  idempotency_key: per_intent
network:
  request:  { latency: { dist: lognormal, median: 40ms, p99: 300ms }, loss: 0.0, duplicate: 0.0 }
  response: { latency: { dist: lognormal, median: 40ms, p99: 300ms }, loss: 0.0 }
server:
  processing: { dist: lognormal, median: 30ms, p99: 200ms }
confirmation:
  delay: { dist: lognormal, median: 500ms, p99: 5s }
  loss: 0.0
strategies: [none, { name: client_debounce, window: 1s }, idempotency_key]
)";

constexpr char kMinimal[] = "name: minimal\nintents: 10\narrivals: { rate_per_s: 2.5 }\n";

std::vector<std::string> Labels(const Scenario& scenario) {
  std::vector<std::string> labels;
  for (const ConfiguredStrategy& strategy : scenario.strategies) labels.push_back(strategy.label);
  return labels;
}

TEST(ScenarioLoader, ExampleMapsOntoTheStruct) {
  const Scenario s = LoadScenarioText(kExample, "example.yaml");
  EXPECT_EQ(s.name, "double-tap-basics");
  EXPECT_EQ(s.description, "Users sometimes tap Pay twice; no network faults.");
  EXPECT_EQ(s.source, "example.yaml");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.intents, 100000u);
  EXPECT_EQ(s.arrivals.rate_per_s, 50.0);

  EXPECT_EQ(s.user.double_tap_probability, 0.1);
  EXPECT_EQ(s.user.double_tap_gap->Describe(), "uniform(50ms..400ms)");
  EXPECT_EQ(s.user.patience->Describe(), "constant(30s)");
  EXPECT_EQ(s.user.pay_again_probability, 0.0);
  EXPECT_EQ(s.user.pay_again_limit, 1u);

  EXPECT_EQ(s.client.timeout, 3 * kSecond);
  EXPECT_EQ(s.client.max_attempts, 3u);
  EXPECT_EQ(s.client.backoff_base, 200 * kMillisecond);
  EXPECT_EQ(s.client.backoff_cap, 2 * kSecond);
  EXPECT_EQ(s.client.jitter, Jitter::kFull);
  EXPECT_EQ(s.client.key_scope, KeyScope::kPerIntent);
  EXPECT_TRUE(s.client.response_confirms);

  EXPECT_EQ(s.network.request.latency->Describe(), "lognormal(median=40ms, p99=300ms)");
  EXPECT_EQ(s.network.request.loss_probability, 0.0);
  EXPECT_EQ(s.network.request.duplicate_probability, 0.0);
  EXPECT_EQ(s.network.response.latency->Describe(), "lognormal(median=40ms, p99=300ms)");
  EXPECT_EQ(s.network.response.loss_probability, 0.0);
  EXPECT_EQ(s.server.processing->Describe(), "lognormal(median=30ms, p99=200ms)");
  EXPECT_EQ(s.confirmation.delay->Describe(), "lognormal(median=500ms, p99=5s)");
  EXPECT_EQ(s.confirmation.loss_probability, 0.0);

  EXPECT_EQ(Labels(s),
            (std::vector<std::string>{"none", "client_debounce(window=1s)", "idempotency_key"}));
  EXPECT_EQ(s.strategies[1].name, "client_debounce");
  EXPECT_NE(s.strategies[1].make(), nullptr);
}

TEST(ScenarioLoader, AbsentKeysTakeTheDocumentedDefaults) {
  const Scenario s = LoadScenarioText(kMinimal, "minimal.yaml");
  EXPECT_EQ(s.name, "minimal");
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.intents, 10u);
  EXPECT_EQ(s.arrivals.rate_per_s, 2.5);

  EXPECT_EQ(s.user.double_tap_probability, 0.0);
  EXPECT_EQ(s.user.double_tap_gap->Describe(), "constant(0)");
  EXPECT_EQ(s.user.patience->Describe(), "constant(30s)");
  EXPECT_EQ(s.user.pay_again_probability, 0.0);
  EXPECT_EQ(s.user.pay_again_limit, 1u);

  EXPECT_EQ(s.client.timeout, 3 * kSecond);
  EXPECT_EQ(s.client.max_attempts, 1u);
  EXPECT_EQ(s.client.backoff_base, 200 * kMillisecond);
  EXPECT_EQ(s.client.backoff_cap, 2 * kSecond);
  EXPECT_EQ(s.client.jitter, Jitter::kFull);
  EXPECT_EQ(s.client.key_scope, KeyScope::kPerIntent);
  EXPECT_TRUE(s.client.response_confirms);

  EXPECT_EQ(s.network.request.latency->Describe(), "constant(0)");
  EXPECT_EQ(s.network.response.latency->Describe(), "constant(0)");
  EXPECT_EQ(s.network.request.loss_probability, 0.0);
  EXPECT_EQ(s.network.response.duplicate_probability, 0.0);
  EXPECT_EQ(s.server.processing->Describe(), "constant(0)");
  EXPECT_EQ(s.confirmation.delay->Describe(), "constant(0)");
  EXPECT_EQ(s.confirmation.loss_probability, 0.0);

  EXPECT_EQ(Labels(s), (std::vector<std::string>{"none", "idempotency_key"}));
}

TEST(ScenarioLoader, OptionalKeysAndTheirAlternatives) {
  const Scenario s = LoadScenarioText(std::string(kMinimal) + R"(seed: 18446744073709551615
user:
  double_tap: { probability: 1 }
  pay_again_without_confirmation: 1
  pay_again_limit: 0
client:
  retry: { max_attempts: 20, backoff: { jitter: none } }
  idempotency_key: per_attempt
  response_confirms: false
network:
  response: { duplicate: 0.25, loss: 1 }
server: {}
confirmation: { delay: { dist: exponential, mean: 1m } }
strategies:
  - { name: client_debounce, window: 250ms }
  - { name: client_debounce }
)",
                                      "x.yaml");
  EXPECT_EQ(s.seed, 18446744073709551615u);
  EXPECT_EQ(s.user.double_tap_probability, 1.0);
  EXPECT_EQ(s.user.double_tap_gap->Describe(), "constant(0)");
  EXPECT_EQ(s.user.pay_again_probability, 1.0);
  EXPECT_EQ(s.user.pay_again_limit, 0u);
  EXPECT_EQ(s.client.max_attempts, 20u);
  EXPECT_EQ(s.client.jitter, Jitter::kNone);
  EXPECT_EQ(s.client.key_scope, KeyScope::kPerAttempt);
  EXPECT_FALSE(s.client.response_confirms);
  EXPECT_EQ(s.network.response.duplicate_probability, 0.25);
  EXPECT_EQ(s.network.response.loss_probability, 1.0);
  EXPECT_EQ(s.server.processing->Describe(), "constant(0)");
  EXPECT_EQ(s.confirmation.delay->Describe(), "exponential(mean=1m)");
  EXPECT_EQ(Labels(s), (std::vector<std::string>{"client_debounce(window=250ms)",
                                                 "client_debounce(window=1s)"}));
}

TEST(ScenarioLoader, LognormalWithEqualMedianAndP99IsAccepted) {
  const Scenario s =
      LoadScenarioText(std::string(kMinimal) +
                           "server: { processing: { dist: lognormal, median: 5ms, p99: 5ms } }\n",
                       "x.yaml");
  EXPECT_EQ(s.server.processing->Min(), 0);
  EXPECT_EQ(s.server.processing->Describe(), "lognormal(median=5ms, p99=5ms)");
}

TEST(ScenarioLoader, ReadsAFile) {
  const std::string path = std::string(DUPSIM_SOURCE_DIR) + "/scenarios/double_tap.yaml";
  const Scenario s = LoadScenarioFile(path);
  EXPECT_EQ(s.name, "double-tap-basics");
  EXPECT_EQ(s.source, path);
}

}  // namespace
}  // namespace dupsim
