#include "sim/dedup/strategy_registry.h"

#include <cassert>

#include "sim/input/closest_name.h"

namespace dupsim {
namespace {

// A function-local static, so registrations in any translation unit, initialised in any
// order, find it constructed.
std::vector<StrategyRegistration::InfoFunction>& Registered() {
  static std::vector<StrategyRegistration::InfoFunction> functions;
  return functions;
}

bool builtin_registry_built = false;

}  // namespace

StrategyRegistration::StrategyRegistration(InfoFunction info) {
  // A registration after the registry was built would be missing from it.
  assert(!builtin_registry_built);
  Registered().push_back(info);
}

void RegisterBuiltinStrategies(StrategyRegistry& registry) {
  for (StrategyRegistration::InfoFunction info : Registered()) registry.Add(info());
}

StrategyRegistry& StrategyRegistry::ForPlugins() {
  static StrategyRegistry registry = [] {
    StrategyRegistry r;
    RegisterBuiltinStrategies(r);
    builtin_registry_built = true;
    return r;
  }();
  return registry;
}

const StrategyRegistry& StrategyRegistry::Builtin() {
  return ForPlugins();
}

void StrategyRegistry::Add(StrategyInfo info) {
  assert(!entries_.count(info.name));
  std::string name = info.name;
  entries_.emplace(std::move(name), std::move(info));
}

const StrategyInfo* StrategyRegistry::Find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<const StrategyInfo*> StrategyRegistry::All() const {
  std::vector<const StrategyInfo*> out;
  for (const auto& [name, info] : entries_) out.push_back(&info);
  return out;
}

std::string StrategyRegistry::Names() const {
  std::string out;
  for (const auto& [name, info] : entries_) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

ConfiguredStrategy StrategyRegistry::Configure(const std::string& name,
                                               StrategyParams params) const {
  const StrategyInfo* info = Find(name);
  if (!info) {
    std::vector<std::string_view> names;
    for (const auto& [known, entry] : entries_) names.push_back(known);
    throw InputError::At(
        params.pos(), params.key_path(),
        "unknown strategy '" + name + "'" + DidYouMean(name, names) + " (known: " + Names() + ")");
  }
  auto make = info->configure(params);
  params.Finish(name);
  return ConfiguredStrategy{name, make()->Describe(), std::move(make)};
}

}  // namespace dupsim
