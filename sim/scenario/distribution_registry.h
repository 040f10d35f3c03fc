// Distributions by the name a scenario gives them: `{ dist: lognormal, median:
// 40ms, p99: 300ms }`. Each entry lists its keys (all required) and builds the
// engine distribution after checking the values the engine's constructors
// assert on, so a bad scenario is an InputError, never an abort. Adding a
// distribution is its class in sim/engine/distribution.h plus one
// registration line in distribution_registry.cc.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/distribution.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {

// What a distribution's values measure. The engine's distributions draw whole
// numbers; the quantity says how a scenario writes them: durations ("250ms",
// held as microseconds) or money ("19.99", held as cents).
enum class Quantity { kDuration, kMoney };

struct DistributionKind {
  std::string name;               // the value of `dist`
  std::vector<std::string> keys;  // its parameters besides `dist`, all required
  // Reads the parameters (throwing InputError on bad ones) and builds the distribution.
  std::function<DistributionPtr(const YamlMapReader&, Quantity)> build;
};

class DistributionRegistry {
 public:
  // The registry holding every built-in distribution.
  static const DistributionRegistry& Builtin();

  // Precondition: no entry of that name yet.
  void Add(DistributionKind kind);

  const DistributionKind* Find(std::string_view name) const;
  std::string Names() const;  // "constant, exponential, ..." for error messages

  // Reads a distribution map; throws InputError for anything malformed.
  DistributionPtr Read(const YamlValue& value, Quantity quantity = Quantity::kDuration) const;

 private:
  std::map<std::string, DistributionKind, std::less<>> kinds_;
};

// Registers the built-in distributions, one line each.
void RegisterBuiltinDistributions(DistributionRegistry& registry);

}  // namespace dupsim
