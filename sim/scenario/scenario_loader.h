// Reads scenarios from YAML (the format is documented in scenarios/README.md)
// and strategies from the --strategy flag. Reading is strict: an unknown,
// repeated or missing key, a value of the wrong type or out of range, and a
// YAML syntax error all throw InputError with one line,
// "file:line:column: key.path: message"; nothing else escapes.
#pragma once

#include <string>
#include <vector>

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/strategy_spec_reader.h"

namespace dupsim {

// Reads the file at `path`; errors are positioned in it.
Scenario LoadScenarioFile(const std::string& path);

// Reads YAML text; `source_name` stands for the file in error positions and in Scenario::source.
Scenario LoadScenarioText(const std::string& yaml, const std::string& source_name);

// A strategy given on the command line: "idempotency_key" or a YAML flow map
// "{name: client_debounce, window: 2s}". Errors name the flag "--strategy". An `expect:` in
// it is read and dropped: the commands that take one strategy judge nothing.
ConfiguredStrategy ParseStrategyFlag(const std::string& text);

// Every --strategy flag of a command line, in order, each with its `expect:` (UseStrategies
// gives them to a scenario); a strategy given twice (FindSameStrategy's rule, as for a
// scenario's `strategies`) is an error naming the flag.
std::vector<StrategySpec> ParseStrategyFlags(const std::vector<std::string>& texts);

}  // namespace dupsim
