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

// Every SCENARIO argument in order; a directory stands for its *.yaml and *.yml files in
// name order (`dupsim check scenarios/`); no arguments: the bundled default scenario.
std::vector<Scenario> LoadScenarioArguments(const std::vector<std::string>& arguments);

}  // namespace dupsim
