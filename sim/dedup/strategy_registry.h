// Strategies by name. A registry entry parses a strategy's parameters once
// (reporting bad ones at their position) and yields a ConfiguredStrategy that
// makes a fresh instance per run. Adding a built-in strategy is one new file
// that ends with its registration line, DUPSIM_REGISTER_STRATEGY(...): no list,
// header or CMake edit anywhere else (sim/dedup/CMakeLists.txt globs its files).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/input/strategy_params.h"
#include "sim/model/strategy.h"

namespace dupsim {

struct ConfiguredStrategy {
  std::string name;   // registry name: "client_debounce"
  std::string label;  // Describe() of an instance: "client_debounce(window=1s)"
  std::function<std::unique_ptr<Strategy>()> make;
};

struct StrategyInfo {
  std::string name;
  std::string summary;  // one line for `dupsim list`
  // Reads its parameters (typed getters throw InputError) and returns a factory.
  std::function<std::function<std::unique_ptr<Strategy>()>(StrategyParams&)> configure;
};

class StrategyRegistry {
 public:
  // The registry in use: every built-in strategy, plus those of loaded plug-ins.
  static const StrategyRegistry& Builtin();
  // The same registry, for the plug-in loader only: plug-ins are added before any scenario is
  // loaded or run, on the main thread.
  static StrategyRegistry& ForPlugins();

  // Precondition: no entry of that name yet.
  void Add(StrategyInfo info);
  bool Has(const std::string& name) const { return entries_.count(name) > 0; }

  const StrategyInfo* Find(const std::string& name) const;
  std::vector<const StrategyInfo*> All() const;  // sorted by name
  std::string Names() const;                     // "a, b, c" for error messages

  // Throws InputError (at params.pos()) for an unknown name, and for bad or unknown parameters.
  ConfiguredStrategy Configure(const std::string& name, StrategyParams params) const;

 private:
  std::map<std::string, StrategyInfo> entries_;
};

// One registered built-in: its file's registration line makes a static one, which adds the
// strategy to the registry Builtin() builds on first use. For code linked into dupsim (sim/dedup/,
// or a test's own file); a plug-in, loaded later, adds its strategies through PluginRegistrar.
class StrategyRegistration {
 public:
  using InfoFunction = StrategyInfo (*)();
  explicit StrategyRegistration(InfoFunction info);
};

// Adds every registered built-in to `registry` (in any order: the registry sorts by name).
void RegisterBuiltinStrategies(StrategyRegistry& registry);

}  // namespace dupsim

// The one line a strategy's file ends with, at namespace scope: `function` returns its
// StrategyInfo. Runs during static initialisation, before main.
#define DUPSIM_REGISTER_STRATEGY(function)                     \
  [[maybe_unused]] static const ::dupsim::StrategyRegistration \
      dupsim_strategy_registration_##function(&function)
