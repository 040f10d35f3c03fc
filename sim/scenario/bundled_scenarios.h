// The scenarios shipped inside the binary: the texts of scenarios/*.yaml,
// embedded at build time by embed_scenarios.cmake, so `dupsim` runs its
// default scenario and the others without the source tree at hand.
#pragma once

#include <span>
#include <string_view>

#include "sim/scenario/scenario.h"

namespace dupsim {

struct BundledScenario {
  std::string_view name;  // "double_tap": the file name without .yaml
  std::string_view file;  // "double_tap.yaml"
  std::string_view text;  // the YAML as written in scenarios/
};

// Every bundled scenario, sorted by name. Defined in the generated bundled_scenario_texts.cc.
std::span<const BundledScenario> BundledScenarios();

// By name ("double_tap") or file name ("double_tap.yaml"); nullptr if there is none.
const BundledScenario* FindBundledScenario(std::string_view name);

// The scenario `dupsim` runs when none is given.
std::string_view DefaultScenarioName();

// Loads it with the source name "<bundled>/double_tap.yaml".
Scenario LoadBundledScenario(const BundledScenario& bundled);

}  // namespace dupsim
