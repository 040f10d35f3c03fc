// `{ stack: [...] }` as the --strategy flag and a scenario's `strategies` list
// read it: names and labels, and one positioned line for each stack that cannot work.
#include <gtest/gtest.h>

#include <string>

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace dupsim {
namespace {

using testing::ErrorAfterBaseOf;
using testing::LoadAfterBase;

std::string FlagError(const std::string& text) {
  try {
    ParseStrategyFlag(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(StrategyStackFlag, NamesJoinWithPlusAndLabelsWithSpacedPlus) {
  const ConfiguredStrategy s = ParseStrategyFlag(
      "{stack: [client_debounce, {name: idempotency_key, ttl: 24h}, reconcile_and_refund]}");
  EXPECT_EQ(s.name, "client_debounce+idempotency_key+reconcile_and_refund");
  EXPECT_EQ(s.label,
            "client_debounce(window=1s) + idempotency_key(ttl=24h) + reconcile_and_refund");
  EXPECT_NE(s.make(), nullptr);
  // The runner's instance describes itself as the label does.
  EXPECT_EQ(s.make()->Describe(), s.label);
  // One layer: that strategy, by name and label.
  const ConfiguredStrategy one =
      ParseStrategyFlag("{stack: [{name: client_debounce, window: 2s}]}");
  EXPECT_EQ(one.name, "client_debounce");
  EXPECT_EQ(one.label, "client_debounce(window=2s)");
}

TEST(StrategyStackFlag, StacksThatCannotWork) {
  EXPECT_EQ(FlagError("{stack: []}"), "--strategy.stack: list at least one strategy");
  EXPECT_EQ(FlagError("{stack: none}"), "--strategy.stack: expected a list, got 'none'");
  // The repeat is named at its own place, whatever its parameters.
  EXPECT_EQ(FlagError("{stack: [idempotency_key, client_debounce, idempotency_key]}"),
            "--strategy.stack[2]: idempotency_key is already in this stack as stack[0]");
  EXPECT_EQ(FlagError("{stack: [client_debounce, {name: client_debounce, window: 2s}]}"),
            "--strategy.stack[1]: client_debounce is already in this stack as stack[0]");
  // One key store: the later layer is the one in the way.
  EXPECT_EQ(FlagError("{stack: [idempotency_key, order_id]}"),
            "--strategy.stack[1]: order_id and idempotency_key both claim keys in the server's "
            "key store; a stack holds at most one layer that does");
  // Per-attempt keys and order keys contradict each other, but both layers also claim keys,
  // and that check comes first.
  EXPECT_EQ(FlagError("{stack: [idempotency_key_per_attempt, order_id]}"),
            "--strategy.stack[1]: order_id and idempotency_key_per_attempt both claim keys in the "
            "server's key store; a stack holds at most one layer that does");
  EXPECT_EQ(FlagError("{stack: [order_id, client_debounce, idempotency_key_per_attempt]}"),
            "--strategy.stack[2]: idempotency_key_per_attempt and order_id both claim keys in the "
            "server's key store; a stack holds at most one layer that does");
  EXPECT_EQ(FlagError("{stack: [none, {stack: [none]}]}"),
            "--strategy.stack[1]: a stack cannot hold a stack");
  EXPECT_EQ(FlagError("{stack: [none], name: x}"),
            "--strategy.name: unknown key (allowed here: stack, expect)");
  EXPECT_EQ(FlagError("{stack: [none, magic]}"),
            "--strategy.stack[1]: unknown strategy 'magic' (known: " +
                StrategyRegistry::Builtin().Names() + ")");
  // A layer's own parameters are checked as they are outside a stack.
  EXPECT_EQ(FlagError("{stack: [none, {name: client_debounce, widow: 1s}]}"),
            "--strategy.stack[1].widow: unknown parameter; did you mean 'window'? "
            "(client_debounce takes: window)");
  EXPECT_EQ(FlagError("{stack: [{name: risk_score, action: block, mistaken_yes: 0}]}"),
            "--strategy.stack[0].mistaken_yes: only with action: prompt");
}

TEST(StrategyStackFile, LayersAreReadInOrder) {
  const Scenario s = LoadAfterBase(
      "strategies:\n"
      "  - none\n"
      "  - stack:\n"
      "      - { name: client_debounce, window: 500ms }\n"
      "      - idempotency_key\n"
      "      - inbox_dedup\n");
  ASSERT_EQ(s.strategies.size(), 2u);
  EXPECT_EQ(s.strategies[0].name, "none");
  EXPECT_EQ(s.strategies[1].name, "client_debounce+idempotency_key+inbox_dedup");
  EXPECT_EQ(s.strategies[1].label, "client_debounce(window=500ms) + idempotency_key + inbox_dedup");
}

TEST(StrategyStackFile, ErrorsPointAtTheLayer) {
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - { stack: [] }\n"),
            "x.yaml:5:14: strategies[0].stack: list at least one strategy");
  // Column 47: the second idempotency_key.
  EXPECT_EQ(
      ErrorAfterBaseOf(
          "strategies:\n  - stack: [idempotency_key, client_debounce, idempotency_key]\n"),
      "x.yaml:5:47: strategies[0].stack[2]: idempotency_key is already in this stack as stack[0]");
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n"
                             "  - none\n"
                             "  - stack:\n"
                             "      - client_debounce\n"
                             "      - idempotency_key\n"
                             "      - order_id\n"),
            "x.yaml:9:9: strategies[1].stack[2]: order_id and idempotency_key both claim keys in "
            "the server's key store; a stack holds at most one layer that does");
  // Column 42: order_id.
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - stack: [idempotency_key_per_attempt, order_id]\n"),
            "x.yaml:5:42: strategies[0].stack[1]: order_id and idempotency_key_per_attempt both "
            "claim keys in the server's key store; a stack holds at most one layer that does");
  // Column 19: the inner map.
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - stack: [none, { stack: [none] }]\n"),
            "x.yaml:5:19: strategies[0].stack[1]: a stack cannot hold a stack");
  // Column 22: the key `name`, which a stack does not take.
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - { stack: [none], name: x }\n"),
            "x.yaml:5:22: strategies[0].name: unknown key (allowed here: stack, expect)");
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - stack:\n      - none\n      - magic\n"),
            "x.yaml:7:9: strategies[0].stack[1]: unknown strategy 'magic' (known: " +
                StrategyRegistry::Builtin().Names() + ")");
  EXPECT_EQ(
      ErrorAfterBaseOf("strategies:\n  - stack:\n      - { name: idempotency_key, ttl: 0s }\n"),
      "x.yaml:6:39: strategies[0].stack[0].ttl: must be > 0, got 0");
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - stack: [{ window: 1s }]\n"),
            "x.yaml:5:13: strategies[0].stack[0].name: required key is missing");
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n  - { stack: [none], stack: [none] }\n"),
            "x.yaml:5:22: strategies[0].stack: duplicate key; first given at line 5, column 7");
}

TEST(StrategyStackFile, AStackListedTwiceIsAnError) {
  EXPECT_EQ(ErrorAfterBaseOf("strategies:\n"
                             "  - { stack: [client_debounce, idempotency_key] }\n"
                             "  - { stack: [client_debounce, idempotency_key] }\n"),
            "x.yaml:6:5: strategies[1]: client_debounce(window=1s) + idempotency_key is already "
            "listed as strategies[0]");
  // A stack of one is its layer, so it repeats the plain name too.
  EXPECT_EQ(
      ErrorAfterBaseOf("strategies:\n  - { stack: [idempotency_key] }\n  - idempotency_key\n"),
      "x.yaml:6:5: strategies[1]: idempotency_key is already listed as strategies[0]");
  // Other layers' parameters or another order make another strategy.
  EXPECT_EQ(
      ErrorAfterBaseOf("strategies:\n"
                       "  - { stack: [client_debounce, idempotency_key] }\n"
                       "  - { stack: [{ name: client_debounce, window: 2s }, idempotency_key] }\n"
                       "  - { stack: [idempotency_key, client_debounce] }\n"),
      "(loaded without error)");
}

}  // namespace
}  // namespace dupsim
