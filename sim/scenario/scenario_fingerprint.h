// A scenario's effective parameters, after defaults, as sorted `key=value` lines with the keys
// the YAML uses (`user.double_tap.probability=0.05`, `client.timeout=3s`), and their
// fingerprint: FNV-1a 64 of the lines, as 16 hex digits. Reports carry both, so
// `dupsim check --baseline` can tell a changed scenario file from a regression and name
// what changed.
//
// What is in: every field of Scenario that shapes the world a run simulates, so two
// scenarios with the same lines give rates with the same expected values. A key left out of
// the file and the same key written with its default give the same line.
// What is out, on purpose:
// - seed and intents: they pick the sample, not the world (and --seed / --intents override
//   them); each result records its own, and the baseline's significance test allows for a
//   different intent count.
// - strategies and their expectations: each result is matched to its baseline run by
//   strategy label already, and adding a strategy to a scenario must not make its `none`
//   run look changed.
// - name, description, cause, source and text: labels, not parameters.
// A field added to Scenario belongs in the table in scenario_fingerprint.cc.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/scenario.h"

namespace dupsim {

// (key, value) pairs sorted by key, keys unique. Distributions read as in reports
// ("lognormal(median=40ms, p99=300ms)"), durations as "250ms", money as "10.00", an
// unset distribution as "unset", a section the file leaves out (load_balancer,
// server.ledger_queue, reconciliation) as `key=off` next to its defaults.
std::vector<std::pair<std::string, std::string>> ScenarioParameters(const Scenario& scenario);

// FNV-1a 64 over "key=value\n" for each pair in order, as 16 lowercase hex digits.
std::string ParametersFingerprint(const std::vector<std::pair<std::string, std::string>>& lines);

// ParametersFingerprint(ScenarioParameters(scenario)).
std::string ScenarioFingerprint(const Scenario& scenario);

}  // namespace dupsim
