// The words every format uses for a scenario that changed since the baseline, and for a
// baseline that cannot tell (no fingerprints), so the terminal, Markdown and JUnit agree:
//   baseline: scenario timeout_retry changed since the baseline (client.timeout: 2s -> 500ms;
//     2 more): not compared (--compare-changed compares anyway)
//   baseline: scenario timeout_retry changed since the baseline (client.timeout: 2s -> 500ms):
//     compared anyway (--compare-changed)
//   baseline: scenario timeout_retry: the baseline carries no scenario fingerprint; compared
//     without knowing whether the scenario changed
#pragma once

#include <string>

#include "metrics/scenario_change.h"

namespace dupsim {

// One line, without a newline.
std::string ScenarioChangeText(const ScenarioChange& change);

// One line, without a newline.
std::string NoFingerprintText(const std::string& scenario);

}  // namespace dupsim
