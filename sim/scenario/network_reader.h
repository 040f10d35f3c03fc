// Reads the `network` section of a scenario: one map per direction (latency,
// loss, bursts, reordering, duplication) and the network-wide list of
// scheduled partitions. Keys, defaults and ranges are documented in
// scenarios/README.md under `network`.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// `network` with the keys given in `value` applied; absent keys keep its values.
// Throws InputError for an unknown, repeated or missing key and for a bad value.
Scenario::Network ReadNetwork(const YamlValue& value, Scenario::Network network);

}  // namespace dupsim
