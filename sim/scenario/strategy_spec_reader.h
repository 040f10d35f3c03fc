// One strategy as a scenario's `strategies` list or the --strategy flag gives
// it: a plain name (`idempotency_key`) or a map with `name` and the strategy's
// parameters (`{ name: client_debounce, window: 1s }`). The parameters go to the
// strategy registry as text with their positions, so the strategy itself
// reports a bad or unknown parameter where it was written.
#pragma once

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// Throws InputError for a malformed entry, an unknown strategy or a bad parameter.
ConfiguredStrategy ReadStrategySpec(const YamlValue& spec);

}  // namespace dupsim
