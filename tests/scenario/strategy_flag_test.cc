// The --strategy flag: a strategy name or a YAML flow map; errors name the flag.
#include <gtest/gtest.h>

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/strategy_spec_reader.h"

namespace dupsim {
namespace {

std::string FlagError(const std::string& text) {
  try {
    ParseStrategyFlag(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(StrategyFlag, PlainName) {
  const ConfiguredStrategy s = ParseStrategyFlag("idempotency_key");
  EXPECT_EQ(s.name, "idempotency_key");
  EXPECT_EQ(s.label, "idempotency_key");
  EXPECT_NE(s.make(), nullptr);
}

TEST(StrategyFlag, FlowMapWithParameters) {
  const ConfiguredStrategy s = ParseStrategyFlag("{name: client_debounce, window: 2s}");
  EXPECT_EQ(s.name, "client_debounce");
  EXPECT_EQ(s.label, "client_debounce(window=2s)");
  EXPECT_EQ(ParseStrategyFlag("{name: client_debounce}").label, "client_debounce(window=1s)");
  EXPECT_EQ(ParseStrategyFlag("{name: idempotency_key, ttl: 24h}").label,
            "idempotency_key(ttl=24h)");
  EXPECT_EQ(ParseStrategyFlag("  none ").label, "none");
}

std::string FlagsError(const std::vector<std::string>& texts) {
  try {
    ParseStrategyFlags(texts);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

// Repeated --strategy flags are rejected by the rule a scenario's `strategies` list uses
// (tests/scenario/scenario_errors_test.cc): the same strategy with the same parameters.
TEST(StrategyFlag, AStrategyGivenTwiceIsAnError) {
  EXPECT_EQ(FlagsError({"none", "none"}), "--strategy: none is already given by --strategy #1");
  EXPECT_EQ(FlagsError({"none", "{name: client_debounce, window: 1s}",
                        "{name: client_debounce, window: 1s}"}),
            "--strategy: client_debounce(window=1s) is already given by --strategy #2");
  EXPECT_EQ(FlagsError({"{name: client_debounce, window: 1000ms}", "client_debounce"}),
            "--strategy: client_debounce(window=1s) is already given by --strategy #1");
  EXPECT_EQ(FlagsError({"{stack: [idempotency_key]}", "idempotency_key"}),
            "--strategy: idempotency_key is already given by --strategy #1");
  EXPECT_EQ(FlagsError({"{name: client_debounce, window: 1s}",
                        "{name: client_debounce, window: 2s}", "none", "idempotency_key"}),
            "(accepted)");
  const std::vector<StrategySpec> two =
      ParseStrategyFlags({"idempotency_key", "{name: client_debounce, window: 2s}"});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].strategy.label, "idempotency_key");
  EXPECT_EQ(two[1].strategy.label, "client_debounce(window=2s)");
}

TEST(StrategyFlag, TheFlagsKeepTheirExpectationsForTheScenario) {
  const std::vector<StrategySpec> flags =
      ParseStrategyFlags({"none", "{name: idempotency_key, expect: {duplicate_rate: {max: 0}}}"});
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_TRUE(flags[0].expectations.empty());
  EXPECT_EQ(flags[1].expectations.size(), 1u);
  Scenario s;
  s.strategies = {ParseStrategyFlag("client_debounce")};
  s.expectations["client_debounce(window=1s)"] = flags[1].expectations;
  UseStrategies(flags, s);
  ASSERT_EQ(s.strategies.size(), 2u);
  EXPECT_EQ(s.strategies[1].label, "idempotency_key");
  EXPECT_TRUE(s.ExpectationsOf("none").empty());
  EXPECT_EQ(s.ExpectationsOf("idempotency_key").size(), 1u);
  EXPECT_TRUE(s.ExpectationsOf("client_debounce(window=1s)").empty());  // replaced with the list
  // The single-strategy flag (trace, explain) judges nothing and keeps only the strategy.
  EXPECT_EQ(ParseStrategyFlag("{name: none, expect: {duplicate_rate: {min: 0.5%}}}").label, "none");
}

TEST(StrategyFlag, Errors) {
  EXPECT_EQ(FlagError("magic"), "--strategy: unknown strategy 'magic' (known: " +
                                    StrategyRegistry::Builtin().Names() + ")");
  EXPECT_EQ(FlagError("{name: client_debounce, window: 2}"),
            "--strategy.window: missing unit (us, ms, s, m, h), got '2'");
  // The same words as in a scenario file (tests/scenario/scenario_errors_test.cc).
  EXPECT_EQ(FlagError("{name: client_debounce, widow: 2s}"),
            "--strategy.widow: unknown parameter; did you mean 'window'? (client_debounce takes: "
            "window)");
  EXPECT_EQ(FlagError("idempotency_kye"),
            "--strategy: unknown strategy 'idempotency_kye'; did you mean 'idempotency_key'? "
            "(known: " +
                StrategyRegistry::Builtin().Names() + ")");
  EXPECT_EQ(FlagError("{window: 2s}"), "--strategy.name: required key is missing");
  EXPECT_EQ(FlagError("{name: idempotency_key, ttl: 0s}"), "--strategy.ttl: must be > 0, got 0");
  EXPECT_EQ(FlagError("{name: none, name: none}"), "--strategy.name: duplicate key");
  EXPECT_EQ(FlagError("[none, idempotency_key]"),
            "--strategy: expected a strategy name or a map such as { name: client_debounce, "
            "window: 1s }, got a list");
  EXPECT_EQ(FlagError(""),
            "--strategy: expected a strategy name such as idempotency_key or a map such as "
            "{name: client_debounce, window: 2s}, got ''");
  EXPECT_EQ(FlagError(","),
            "--strategy: expected a strategy name such as idempotency_key or a map such as "
            "{name: client_debounce, window: 2s}, got ',' (unexpected ',')");
  EXPECT_EQ(FlagError("{name: client_debounce"),
            "--strategy: expected a strategy name such as idempotency_key or a map such as "
            "{name: client_debounce, window: 2s}, got '{name: client_debounce' (end of map flow "
            "not found)");
}

}  // namespace
}  // namespace dupsim
