// Turns the root map of a scenario document into a Scenario, section by
// section, with the defaults documented in scenarios/README.md for every
// absent key. Parsing the text and translating yaml-cpp's exceptions is
// scenario_loader.h's job; this part only sees well-formed YAML nodes.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// Throws InputError for an unknown, repeated or missing key and for a bad value.
Scenario ReadScenario(const YamlValue& root);

}  // namespace dupsim
