// Every kind of bad scenario gives one InputError line, "file:line:column: key.path: message",
// with 1-based positions pointing at the offending text.
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

// Three valid lines; the cases below append from line 4 on.
constexpr char kBase[] = "name: t\nintents: 10\narrivals: { rate_per_s: 1 }\n";

std::string ErrorOf(const std::string& yaml) {
  try {
    LoadScenarioText(yaml, "x.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(loaded without error)";
}

std::string ErrorAfterBase(const std::string& lines) {
  return ErrorOf(kBase + lines);
}

TEST(ScenarioErrors, ProbabilityOutOfRange) {
  EXPECT_EQ(ErrorAfterBase("user:\n  double_tap: { probability: 1.5 }\n"),
            "x.yaml:5:30: user.double_tap.probability: probability must be in [0, 1], got 1.5");
  EXPECT_EQ(ErrorAfterBase("network:\n  request: { loss: -0.1 }\n"),
            "x.yaml:5:20: network.request.loss: probability must be in [0, 1], got -0.1");
  EXPECT_EQ(ErrorAfterBase("confirmation: { loss: .nan }\n"),
            "x.yaml:4:23: confirmation.loss: expected a number, got '.nan'");
}

TEST(ScenarioErrors, UnknownKeysListTheAllowedOnes) {
  EXPECT_EQ(ErrorAfterBase("seeds: 3\n"),
            "x.yaml:4:1: seeds: unknown key; did you mean 'seed'? (allowed here: name, "
            "description, cause, seed, "
            "intents, arrivals, user, client, network, server, load_balancer, confirmation, "
            "reconciliation, support, strategies)");
  EXPECT_EQ(ErrorAfterBase("user:\n  double_tap: { probabilty: 0.1 }\n"),
            "x.yaml:5:17: user.double_tap.probabilty: unknown key; did you mean 'probability'? "
            "(allowed here: probability, gap)");
  EXPECT_EQ(ErrorAfterBase("network:\n  response: { latency: { dist: constant, value: 1s, "
                           "median: 2s } }\n"),
            "x.yaml:5:53: network.response.latency.median: unknown key (allowed here: dist, "
            "value)");
}

TEST(ScenarioErrors, DuplicateKeys) {
  EXPECT_EQ(ErrorAfterBase("intents: 20\n"),
            "x.yaml:4:1: intents: duplicate key; first given at line 2, column 1");
  EXPECT_EQ(ErrorAfterBase("client: { timeout: 1s, timeout: 2s }\n"),
            "x.yaml:4:24: client.timeout: duplicate key; first given at line 4, column 11");
}

TEST(ScenarioErrors, WrongTypes) {
  EXPECT_EQ(ErrorOf("name: t\nintents: { n: 10 }\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:2:10: intents: expected a whole number, got a map");
  EXPECT_EQ(ErrorAfterBase("seed: abc\n"), "x.yaml:4:7: seed: expected a whole number, got 'abc'");
  EXPECT_EQ(ErrorAfterBase("seed: -1\n"), "x.yaml:4:7: seed: expected a whole number, got '-1'");
  EXPECT_EQ(ErrorAfterBase("seed: 2.5\n"), "x.yaml:4:7: seed: expected a whole number, got '2.5'");
  EXPECT_EQ(ErrorAfterBase("user: { pay_again_without_confirmation: true }\n"),
            "x.yaml:4:41: user.pay_again_without_confirmation: expected a number, got 'true'");
  EXPECT_EQ(ErrorAfterBase("user: { pay_again_without_confirmation: \"0.5\" }\n"),
            "x.yaml:4:41: user.pay_again_without_confirmation: expected a number, got \"0.5\" (a "
            "quoted string)");
  EXPECT_EQ(ErrorAfterBase("client: { response_confirms: yes }\n"),
            "x.yaml:4:30: client.response_confirms: expected true or false, got 'yes'");
  EXPECT_EQ(ErrorAfterBase("client: { response_confirms: 1 }\n"),
            "x.yaml:4:30: client.response_confirms: expected true or false, got '1'");
  EXPECT_EQ(ErrorAfterBase("user: [1, 2]\n"), "x.yaml:4:7: user: expected a map, got a list");
  EXPECT_EQ(ErrorAfterBase("client: { timeout: [1s] }\n"),
            "x.yaml:4:20: client.timeout: expected a duration such as 250ms, 3s or 2m, got a list");
  EXPECT_EQ(ErrorOf("name: [a]\nintents: 10\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:1:7: name: expected text, got a list");
  EXPECT_EQ(ErrorAfterBase("{ a: 1 }: 2\n"), "x.yaml:4:1: keys must be plain text");
}

TEST(ScenarioErrors, AnEmptyValueIsReportedAtItsKey) {
  EXPECT_EQ(ErrorAfterBase("client:\n  timeout:\nserver: {}\n"),
            "x.yaml:5:3: client.timeout: expected a duration such as 250ms, 3s or 2m, got nothing");
  EXPECT_EQ(ErrorAfterBase("network:\n"), "x.yaml:4:1: network: expected a map, got nothing");
}

TEST(ScenarioErrors, ValuesOutOfRange) {
  EXPECT_EQ(ErrorOf("name: t\nintents: 0\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:2:10: intents: must be in [1, 100000000], got 0");
  EXPECT_EQ(ErrorOf("name: t\nintents: 100000001\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:2:10: intents: must be in [1, 100000000], got 100000001");
  EXPECT_EQ(ErrorOf("name: t\nintents: 99999999999999999999999\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:2:10: intents: must be in [1, 100000000], got 99999999999999999999999");
  EXPECT_EQ(ErrorOf("name: t\nintents: 1\narrivals: { rate_per_s: 0 }\n"),
            "x.yaml:3:25: arrivals.rate_per_s: must be > 0, got 0");
  EXPECT_EQ(ErrorOf("name: t\nintents: 1\narrivals: { rate_per_s: -3 }\n"),
            "x.yaml:3:25: arrivals.rate_per_s: must be > 0, got -3");
  EXPECT_EQ(ErrorOf("name: ''\nintents: 1\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:1:7: name: must not be empty");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { max_attempts: 0 } }\n"),
            "x.yaml:4:34: client.retry.max_attempts: must be in [1, 20], got 0");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { max_attempts: 21 } }\n"),
            "x.yaml:4:34: client.retry.max_attempts: must be in [1, 20], got 21");
  EXPECT_EQ(ErrorAfterBase("user: { pay_again_limit: 11 }\n"),
            "x.yaml:4:26: user.pay_again_limit: must be in [0, 10], got 11");
  EXPECT_EQ(ErrorAfterBase("client: { timeout: 0 }\n"),
            "x.yaml:4:20: client.timeout: must be > 0, got 0");
  EXPECT_EQ(ErrorAfterBase("client: { timeout: -1s }\n"),
            "x.yaml:4:20: client.timeout: expected a duration such as 250ms, 3s or 2m, got '-1s': "
            "negative duration");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { backoff: { base: 1s, cap: 500ms } } }\n"),
            "x.yaml:4:46: client.retry.backoff.cap: cap (500ms) must not be less than base (1s)");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { backoff: { base: 5s } } }\n"),
            "x.yaml:4:37: client.retry.backoff.base: cap (2s) must not be less than base (5s)");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { backoff: { jitter: decorrelated } } }\n"),
            "x.yaml:4:39: client.retry.backoff.jitter: expected one of none, full; got "
            "'decorrelated'");
  EXPECT_EQ(ErrorAfterBase("client: { idempotency_key: per_user }\n"),
            "x.yaml:4:28: client.idempotency_key: expected one of per_intent, per_attempt; got "
            "'per_user'");
  EXPECT_EQ(ErrorAfterBase("client: { retry: { backoff: { jitter: ful } } }\n"),
            "x.yaml:4:39: client.retry.backoff.jitter: expected one of none, full; got 'ful'; "
            "did you mean 'full'?");
}

TEST(ScenarioErrors, BadDistributions) {
  EXPECT_EQ(ErrorAfterBase("user: { patience: { dist: uniform, min: 2s, max: 1s } }\n"),
            "x.yaml:4:50: user.patience.max: max must not be less than min (2s), got 1s");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: lognormal, median: 300ms, p99: 40ms } "
                           "}\n"),
            "x.yaml:4:62: server.processing.p99: p99 must not be less than median (300ms), got "
            "40ms");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: lognormal, median: 0, p99: 40ms } }\n"),
            "x.yaml:4:50: server.processing.median: median must be > 0 (a lognormal is never "
            "zero)");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: normal, mean: 1s } }\n"),
            "x.yaml:4:31: server.processing.dist: unknown distribution 'normal' (known: constant, "
            "exponential, lognormal, uniform)");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: lognormall, median: 1s } }\n"),
            "x.yaml:4:31: server.processing.dist: unknown distribution 'lognormall'; did you mean "
            "'lognormal'? (known: constant, exponential, lognormal, uniform)");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { mean: 1s } }\n"),
            "x.yaml:4:23: server.processing.dist: required key is missing (one of constant, "
            "exponential, lognormal, uniform)");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: lognormal, median: 1s } }\n"),
            "x.yaml:4:23: server.processing.p99: required key is missing");
  EXPECT_EQ(ErrorAfterBase("server: { processing: 30ms }\n"),
            "x.yaml:4:23: server.processing: expected a distribution such as { dist: lognormal, "
            "median: 40ms, p99: 300ms }, got '30ms'");
  EXPECT_EQ(ErrorAfterBase("server: { processing: { dist: exponential, mean: -5ms } }\n"),
            "x.yaml:4:50: server.processing.mean: expected a duration such as 250ms, 3s or 2m, "
            "got '-5ms': negative duration");
}

TEST(ScenarioErrors, MissingRequiredKeysPointAtTheParentMap) {
  EXPECT_EQ(ErrorOf("intents: 10\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:1:1: name: required key is missing");
  EXPECT_EQ(ErrorOf("name: t\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:1:1: intents: required key is missing");
  EXPECT_EQ(ErrorOf("name: t\nintents: 10\n"), "x.yaml:1:1: arrivals: required key is missing");
  EXPECT_EQ(ErrorOf("name: t\nintents: 10\narrivals: {}\n"),
            "x.yaml:3:11: arrivals.rate_per_s: required key is missing");
  EXPECT_EQ(ErrorAfterBase("user:\n  double_tap:\n    gap: { dist: constant, value: 0 }\n"),
            "x.yaml:6:5: user.double_tap.probability: required key is missing");
}

TEST(ScenarioErrors, BadStrategies) {
  EXPECT_EQ(ErrorAfterBase("strategies: [none, magic]\n"),
            "x.yaml:4:20: strategies[1]: unknown strategy 'magic' (known: " +
                StrategyRegistry::Builtin().Names() + ")");
  EXPECT_EQ(ErrorAfterBase("strategies:\n  - none\n  - { name: client_debounce, window: 5 }\n"),
            "x.yaml:6:38: strategies[1].window: missing unit (us, ms, s, m, h), got '5'");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: client_debounce, windw: 1s }]\n"),
            "x.yaml:4:46: strategies[0].windw: unknown parameter; did you mean 'window'? "
            "(client_debounce takes: window)");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: idempotency_key, window: 1s }]\n"),
            "x.yaml:4:47: strategies[0].window: unknown parameter (idempotency_key takes: ttl, "
            "claim, race_window, store, replication_lag, in_flight)");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: none, window: 1s }]\n"),
            "x.yaml:4:36: strategies[0].window: unknown parameter (none takes no parameters)");
  // Parameters read only under another setting are still listed, as is a stack layer's own.
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: risk_score, action: block, treshold: 0.4 }]\n"),
            "x.yaml:4:59: strategies[0].treshold: unknown parameter; did you mean 'threshold'? "
            "(risk_score takes: threshold, half_life, paid_weight, action, answer_time, "
            "mistaken_yes, mistaken_no)");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: idempotency_key, claim: atomc }]\n"),
            "x.yaml:4:46: strategies[0].claim: expected one of atomic, check_then_insert, got "
            "'atomc'; did you mean 'atomic'?");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ window: 1s }]\n"),
            "x.yaml:4:14: strategies[0].name: required key is missing");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: client_debounce, window: { s: 1 } }]\n"),
            "x.yaml:4:47: strategies[0].window: expected text, got a map");
  EXPECT_EQ(ErrorAfterBase("strategies: [[none]]\n"),
            "x.yaml:4:14: strategies[0]: expected a strategy name or a map such as { name: "
            "client_debounce, window: 1s }, got a list");
  EXPECT_EQ(ErrorAfterBase("strategies: []\n"),
            "x.yaml:4:13: strategies: list at least one strategy");
  EXPECT_EQ(ErrorAfterBase("strategies: none\n"),
            "x.yaml:4:13: strategies: expected a list, got 'none'");
  EXPECT_EQ(ErrorAfterBase("strategies: [none, idempotency_key, none]\n"),
            "x.yaml:4:37: strategies[2]: none is already listed as strategies[0]");
  // The same strategy with the same parameters, defaults filled in, is a repeat; another
  // window is another strategy. The --strategy flags follow the same rule (strategy_flag_test).
  EXPECT_EQ(ErrorAfterBase("strategies:\n  - { name: client_debounce, window: 1s }\n"
                           "  - { name: client_debounce, window: 1s }\n"),
            "x.yaml:6:5: strategies[1]: client_debounce(window=1s) is already listed as "
            "strategies[0]");
  EXPECT_EQ(ErrorAfterBase("strategies: [{ name: client_debounce, window: 1000ms }, "
                           "client_debounce]\n"),
            "x.yaml:4:57: strategies[1]: client_debounce(window=1s) is already listed as "
            "strategies[0]");
  EXPECT_EQ(ErrorAfterBase("strategies:\n  - { name: client_debounce, window: 1s }\n"
                           "  - { name: client_debounce, window: 2s }\n"),
            "(loaded without error)");
  const std::string metric =
      ErrorAfterBase("strategies:\n  - { name: none, expect: { duplicte_rate: { max: 1 } } }\n");
  EXPECT_EQ(metric.rfind("x.yaml:5:29: strategies[0].expect.duplicte_rate: unknown metric; did "
                         "you mean 'duplicate_rate'? (known: duplicate_rate, ",
                         0),
            0u)
      << metric;
}

TEST(ScenarioErrors, YamlSyntaxErrors) {
  EXPECT_EQ(ErrorOf("name: t\nintents: [10\narrivals: { rate_per_s: 1 }\n"),
            "x.yaml:3:9: YAML syntax error: end of sequence flow not found");
  EXPECT_EQ(ErrorOf("name: t\n  intents: 10\n"),
            "x.yaml:2:10: YAML syntax error: illegal map value");
  // yaml-cpp 0.7's LoadAll never returns on this input.
  EXPECT_EQ(ErrorOf("# header\n,\nname: t\n"), "x.yaml:2:1: YAML syntax error: unexpected ','");
  EXPECT_EQ(ErrorOf(std::string(kBase) + "a: *nowhere\n"),
            "x.yaml:4:4: YAML syntax error: the referenced anchor is not defined");
}

TEST(ScenarioErrors, TooDeepNesting) {
  const std::string deep = std::string(kBase) + "user: " + std::string(5000, '[');
  const std::string error = ErrorOf(deep);
  EXPECT_EQ(error.rfind("x.yaml:4:", 0), 0u) << error;
  EXPECT_NE(error.find(": YAML nesting is too deep"), std::string::npos) << error;
}

TEST(ScenarioErrors, MessagesStayOnOneLine) {
  EXPECT_EQ(ErrorAfterBase("seed: |\n  12\n  34\n"),
            "x.yaml:4:7: seed: expected a whole number, got \"12\\n34\\n\" (a quoted string)");
  EXPECT_EQ(ErrorAfterBase("strategies: [\"a\\nb\"]\n"),
            "x.yaml:4:14: strategies[0]: unknown strategy 'a\\nb' (known: " +
                StrategyRegistry::Builtin().Names() + ")");
  EXPECT_EQ(ErrorAfterBase("seed: " + std::string(100, '9') + "x\n"),
            "x.yaml:4:7: seed: expected a whole number, got '" + std::string(60, '9') + "...'");
}

// Cutting a valid scenario anywhere must give a clean InputError (or a valid scenario), never
// another exception: yaml-cpp's own exceptions must all be translated.
TEST(ScenarioErrors, EveryPrefixOfABundledScenarioFailsCleanly) {
  for (const BundledScenario& bundled : BundledScenarios()) {
    const std::string text(bundled.text);
    for (std::size_t length = 0; length < text.size(); ++length) {
      try {
        LoadScenarioText(text.substr(0, length), "cut.yaml");
      } catch (const InputError& e) {
        const std::string message = e.what();
        ASSERT_EQ(message.rfind("cut.yaml:", 0), 0u) << message;
        ASSERT_EQ(message.find('\n'), std::string::npos) << message;
      } catch (...) {
        FAIL() << bundled.name << " cut at " << length << " threw something else";
      }
    }
  }
}

TEST(ScenarioErrors, EmptyOrNonMapDocuments) {
  const std::string empty =
      "x.yaml:1:1: the scenario is empty; expected a map with at least name, intents and arrivals";
  EXPECT_EQ(ErrorOf(""), empty);
  EXPECT_EQ(ErrorOf("# only a comment\n"), empty);
  EXPECT_EQ(ErrorOf("---\n"), empty);
  EXPECT_EQ(ErrorOf("double_tap\n"),
            "x.yaml:1:1: expected a scenario: a map with at least name, intents and arrivals; got "
            "'double_tap'");
  EXPECT_EQ(ErrorOf("- name: t\n"),
            "x.yaml:1:1: expected a scenario: a map with at least name, intents and arrivals; got "
            "a list");
  EXPECT_EQ(ErrorOf(std::string(kBase) + "---\n" + kBase),
            "x.yaml:4:1: a second YAML document starts here; a file holds one scenario");
}

TEST(ScenarioErrors, UnreadableFiles) {
  try {
    LoadScenarioFile("/nonexistent/dir/s.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/dir/s.yaml: cannot read file: No such file or directory");
  }
  try {
    LoadScenarioFile(DUPSIM_SOURCE_DIR);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              std::string(DUPSIM_SOURCE_DIR) + ": cannot read file: it is a directory");
  }
}

TEST(ScenarioErrors, FileErrorsArePositionedInTheFile) {
  const std::string path =
      ::testing::TempDir() + "scenario_errors_test_" + std::to_string(::getpid()) + ".yaml";
  std::ofstream(path) << kBase << "user:\n  double_tap: { probability: 1.5 }\n";
  try {
    LoadScenarioFile(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ":5:30: user.double_tap.probability: probability must be in [0, 1], got 1.5");
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dupsim
