// Strategies by name. A registry entry parses a strategy's parameters once
// (reporting bad ones at their position) and yields a ConfiguredStrategy that
// makes a fresh instance per run. Adding a built-in strategy is one new file
// plus one line in builtin_strategies.cc.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "metrics/expectation.h"
#include "sim/dedup/strategy.h"
#include "sim/input/strategy_params.h"

namespace dupsim {

struct ConfiguredStrategy {
  std::string name;   // registry name: "client_debounce"
  std::string label;  // Describe() of an instance: "client_debounce(window=1s)"
  std::function<std::unique_ptr<Strategy>()> make;
  std::vector<Expectation> expectations;  // `expect:` in the scenario, for `dupsim check`
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

// Registers the built-in strategies; builtin_strategies.cc has one line per strategy.
void RegisterBuiltinStrategies(StrategyRegistry& registry);

}  // namespace dupsim
