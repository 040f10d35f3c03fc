// The plug-in API: how a strategy compiled as a shared library joins dupsim
// without rebuilding it. A plug-in includes this header (and, through it,
// strategy.h and strategy_registry.h), implements Strategy, and exports one C
// function that adds its strategies:
//
//   extern "C" int dupsim_register_strategies(dupsim::PluginRegistrar& registrar) {
//     registrar.Add(MyStrategyInfo());
//     return dupsim::kPluginApiVersion;
//   }
//
// `dupsim run --plugin PATH.so` (also list and validate) loads it before the
// scenarios, so its names work in scenario files and --strategy like built-ins.
// A plug-in is built against the same dupsim version and compiler (the API
// passes C++ types); the returned version guards against a stale build.
// See plugins/example/ for a complete one, built and run by the tests.
#pragma once

#include "sim/dedup/strategy_registry.h"
#include "sim/model/strategy.h"

namespace dupsim {

// Bumped whenever Strategy, StrategyInfo or StrategyParams change incompatibly.
inline constexpr int kPluginApiVersion = 3;

class PluginRegistrar {
 public:
  // Adds a strategy under info.name; a name already taken (built-in or another plug-in's)
  // fails the load with a one-line error.
  virtual void Add(StrategyInfo info) = 0;

 protected:
  ~PluginRegistrar() = default;
};

// The symbol every plug-in exports; it returns kPluginApiVersion as compiled into it.
extern "C" {
using RegisterStrategiesFunction = int (*)(PluginRegistrar& registrar);
}
inline constexpr const char* kRegisterStrategiesSymbol = "dupsim_register_strategies";

}  // namespace dupsim
