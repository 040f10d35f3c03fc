#include "sim/cli/scenario_argument.h"

#include <filesystem>

#include "sim/input/input_error.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

bool LooksLikePath(const std::string& argument) {
  const std::filesystem::path path(argument);
  return argument.find('/') != std::string::npos || path.extension() == ".yaml" ||
         path.extension() == ".yml";
}

std::string BundledNames() {
  std::string names;
  for (const BundledScenario& bundled : BundledScenarios()) {
    if (!names.empty()) names += ", ";
    names += bundled.name;
  }
  return names;
}

}  // namespace

Scenario LoadScenarioArgument(const std::string& argument) {
  if (argument.empty()) throw InputError("SCENARIO: empty argument; expected a file or a name");
  std::error_code ignored;
  if (std::filesystem::exists(argument, ignored)) return LoadScenarioFile(argument);
  if (const BundledScenario* bundled = FindBundledScenario(argument)) {
    return LoadBundledScenario(*bundled);
  }
  // The loader's own message says why the file cannot be read.
  if (LooksLikePath(argument)) return LoadScenarioFile(argument);
  throw InputError::At(
      SourcePos{argument, 0, 0}, "",
      "no such file, and no bundled scenario of that name (bundled: " + BundledNames() + ")");
}

}  // namespace dupsim
