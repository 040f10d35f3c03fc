#include "sim/cli/scenario_argument.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "sim/input/closest_name.h"
#include "sim/input/input_error.h"
#include "sim/input/natural_order.h"
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

std::string BundledHint(const std::string& argument) {
  std::vector<std::string_view> names;
  for (const BundledScenario& bundled : BundledScenarios()) names.push_back(bundled.name);
  return DidYouMean(argument, names);
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
  throw InputError::At(SourcePos{argument, 0, 0}, "",
                       "no such file, and no bundled scenario of that name" +
                           BundledHint(argument) + " (bundled: " + BundledNames() + ")");
}

std::vector<std::string> ScenarioArgumentFiles(const std::string& argument) {
  std::error_code ec;
  if (argument.empty() || !std::filesystem::is_directory(argument, ec)) return {argument};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(argument, ec)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    throw InputError::At(SourcePos{argument, 0, 0}, "", "cannot list directory: " + ec.message());
  }
  if (files.empty()) {
    throw InputError::At(SourcePos{argument, 0, 0}, "", "no .yaml files in this directory");
  }
  // retry_500ms.yaml before retry_3s.yaml, retry_2 before retry_10 (sim/input/natural_order.h).
  std::sort(files.begin(), files.end(),
            [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
  return files;
}

std::vector<Scenario> LoadScenarioArguments(const std::vector<std::string>& arguments) {
  std::vector<Scenario> scenarios;
  if (arguments.empty()) {
    const BundledScenario* bundled = FindBundledScenario(DefaultScenarioName());
    if (!bundled) throw std::logic_error("the default scenario is not bundled");
    scenarios.push_back(LoadBundledScenario(*bundled));
  }
  for (const std::string& argument : arguments) {
    for (const std::string& file : ScenarioArgumentFiles(argument)) {
      scenarios.push_back(LoadScenarioArgument(file));
    }
  }
  return scenarios;
}

}  // namespace dupsim
