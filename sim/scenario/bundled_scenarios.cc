#include "sim/scenario/bundled_scenarios.h"

#include <string>

#include "sim/scenario/scenario_loader.h"

namespace dupsim {

const BundledScenario* FindBundledScenario(std::string_view name) {
  for (const BundledScenario& bundled : BundledScenarios()) {
    if (bundled.name == name || bundled.file == name) return &bundled;
  }
  return nullptr;
}

std::string_view DefaultScenarioName() {
  return "double_tap";
}

Scenario LoadBundledScenario(const BundledScenario& bundled) {
  return LoadScenarioText(std::string(bundled.text), "<bundled>/" + std::string(bundled.file));
}

}  // namespace dupsim
