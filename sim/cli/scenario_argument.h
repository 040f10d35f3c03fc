// What a SCENARIO argument names: a YAML file, or a scenario bundled in the
// binary ("double_tap" or "double_tap.yaml"). A file that exists wins, so a
// local copy of a bundled scenario can be edited and run under the same name.
#pragma once

#include <string>

#include "sim/scenario/scenario.h"

namespace dupsim {

// Throws InputError for a file that does not load, and for an argument that
// names neither a file nor a bundled scenario (listing the bundled ones).
Scenario LoadScenarioArgument(const std::string& argument);

// What one SCENARIO argument stands for: a directory's *.yaml and *.yml files in natural name
// order (below), anything else as it is. Throws InputError for a directory it cannot list or
// that holds no scenario file.
std::vector<std::string> ScenarioArgumentFiles(const std::string& argument);

// Every SCENARIO argument in order; a directory stands for its *.yaml and *.yml files in
// natural name order (`retry_500ms` before `retry_3s`: sim/input/natural_order.h), as in
// `dupsim check scenarios/`; no arguments: the bundled default scenario.
std::vector<Scenario> LoadScenarioArguments(const std::vector<std::string>& arguments);

}  // namespace dupsim
