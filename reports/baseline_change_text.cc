#include "reports/baseline_change_text.h"

namespace dupsim {
namespace {

// "client.timeout: 2s -> 500ms"; a key one side lacks reads "(none)" there.
std::string ParameterChangeText(const ParameterChange& c) {
  auto side = [](const std::string& value) { return value.empty() ? "(none)" : value; };
  return c.key + ": " + side(c.baseline) + " -> " + side(c.current);
}

}  // namespace

std::string ScenarioChangeText(const ScenarioChange& change) {
  std::string text = "baseline: scenario " + change.scenario + " changed since the baseline";
  // The first change names what to look at; the JSON report lists them all.
  if (!change.changes.empty()) {
    text += " (" + ParameterChangeText(change.changes.front());
    if (change.changes.size() > 1) {
      text += "; " + std::to_string(change.changes.size() - 1) + " more";
    }
    text += ")";
  }
  return text + (change.compared ? ": compared anyway (--compare-changed)"
                                 : ": not compared (--compare-changed compares anyway)");
}

std::string NoFingerprintText(const std::string& scenario) {
  return "baseline: scenario " + scenario +
         ": the baseline carries no scenario fingerprint; compared without knowing whether the "
         "scenario changed";
}

}  // namespace dupsim
