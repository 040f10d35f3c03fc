// Loading a scenario fragment in tests: a fixed three-line base that every
// fragment extends from line 4 on, and the one-line error a fragment produces.
#pragma once

#include <string>

#include "sim/scenario/scenario_loader.h"

namespace dupsim::testing {

// Three valid lines; fragments append from line 4 on.
inline constexpr char kBaseScenario[] = "name: t\nintents: 10\narrivals: { rate_per_s: 1 }\n";

inline Scenario LoadAfterBase(const std::string& lines) {
  return LoadScenarioText(kBaseScenario + lines, "x.yaml");
}

// The InputError's line, or "(loaded without error)".
inline std::string ErrorAfterBaseOf(const std::string& lines) {
  try {
    LoadAfterBase(lines);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(loaded without error)";
}

}  // namespace dupsim::testing
