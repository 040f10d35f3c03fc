// `expect:` on a strategy in a scenario's list: bounds its results must meet
// for `dupsim check`.
//
//   - { name: idempotency_key, expect: { duplicate_rate: { max: 0.01% },
//                                        time_to_confirmation_p99: { max: 5s } } }
//
// Rates take a fraction (0.0001) or a percentage (0.01%); times a duration;
// peak_keys_held a whole number. Each metric takes `max`, `min` or both.
#pragma once

#include <vector>

#include "metrics/expectation.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// Throws InputError for an unknown metric, a bound of the wrong kind, or a map without bounds.
std::vector<Expectation> ReadExpectations(const YamlValue& expect);

}  // namespace dupsim
