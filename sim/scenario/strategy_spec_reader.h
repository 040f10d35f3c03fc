// One strategy as a scenario's `strategies` list or the --strategy flag gives
// it: a plain name (`idempotency_key`) or a map with `name` and the strategy's
// parameters (`{ name: client_debounce, window: 1s }`). The parameters go to the
// strategy registry as text with their positions, so the strategy itself
// reports a bad or unknown parameter where it was written.
#pragma once

#include <optional>
#include <vector>

#include "metrics/expectation.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// One entry as written: the strategy, and what its `expect:` asks of its results.
struct StrategySpec {
  ConfiguredStrategy strategy;
  std::vector<Expectation> expectations;  // for `dupsim check`; empty without `expect:`
};

// Throws InputError for a malformed entry, an unknown strategy or a bad parameter.
StrategySpec ReadStrategySpec(const YamlValue& spec);

// Where `listed` already holds a strategy that would run exactly as `candidate` does: the same
// label, i.e. the same strategy (or stack) with the same parameters once defaults are filled
// in, so `client_debounce` repeats `{name: client_debounce, window: 1s}` but not `window: 2s`.
// A scenario's `strategies` and the --strategy flags both reject a repeat by this rule: two
// identical rows in a report would only confuse the comparison.
std::optional<std::size_t> FindSameStrategy(const std::vector<StrategySpec>& listed,
                                            const ConfiguredStrategy& candidate);

// Makes `specs` the scenario's strategies, in their order, and their expectations its
// expectations, replacing both: a scenario's own list, or the --strategy flags instead of it.
// Precondition: no two specs share a label (FindSameStrategy).
void UseStrategies(std::vector<StrategySpec> specs, Scenario& scenario);

}  // namespace dupsim
