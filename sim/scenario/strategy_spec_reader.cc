#include "sim/scenario/strategy_spec_reader.h"

#include "sim/dedup/strategy_stack.h"
#include "sim/scenario/expectation_reader.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

// `{ stack: [a, {name: b, ...}] }`: each layer is read as a strategy of its own.
ConfiguredStrategy ReadStack(const YamlValue& list) {
  std::vector<StackLayer> layers;
  for (const YamlValue& item : list.Items()) {
    if (item.IsMap() && YamlMapReader(item).Find("stack")) item.Fail("a stack cannot hold a stack");
    if (item.IsMap()) {
      if (auto expect = YamlMapReader(item).Find("expect")) {
        expect->Fail("expectations belong to the stack, not to one of its layers");
      }
    }
    layers.push_back(StackLayer{ReadStrategySpec(item).strategy, item.pos(), item.path()});
  }
  return MakeStrategyStack(std::move(layers), list.pos(), list.path());
}

}  // namespace

StrategySpec ReadStrategySpec(const YamlValue& spec) {
  const StrategyRegistry& registry = StrategyRegistry::Builtin();
  if (spec.IsScalar()) {
    return {registry.Configure(spec.Text(), StrategyParams(spec.path(), spec.pos())), {}};
  }
  if (!spec.IsMap()) {
    spec.Fail(
        "expected a strategy name or a map such as { name: client_debounce, window: 1s }, "
        "got " +
        spec.Describe());
  }
  if (YamlMapReader(spec).Find("stack")) {
    const YamlMapReader stack(spec, {"stack", "expect"});
    StrategySpec configured{ReadStack(stack.Get("stack")), {}};
    if (auto expect = stack.Find("expect")) configured.expectations = ReadExpectations(*expect);
    return configured;
  }
  const YamlMapReader entry(spec);
  const YamlValue name = entry.Get("name");
  // Positioned at the name, so "unknown strategy" points at the word that is wrong.
  StrategyParams params(spec.path(), name.pos());
  for (const YamlMapReader::Entry& param : entry.entries()) {
    if (param.key == "name" || param.key == "expect") continue;
    params.Add(param.key, StrategyParams::Value{param.value.Text(), param.value.pos()});
  }
  StrategySpec configured{registry.Configure(name.Text(), std::move(params)), {}};
  if (auto expect = entry.Find("expect")) configured.expectations = ReadExpectations(*expect);
  return configured;
}

std::optional<std::size_t> FindSameStrategy(const std::vector<StrategySpec>& listed,
                                            const ConfiguredStrategy& candidate) {
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (listed[i].strategy.label == candidate.label) return i;
  }
  return std::nullopt;
}

void UseStrategies(std::vector<StrategySpec> specs, Scenario& scenario) {
  scenario.strategies.clear();
  scenario.expectations.clear();
  for (StrategySpec& spec : specs) {
    if (!spec.expectations.empty()) {
      scenario.expectations[spec.strategy.label] = std::move(spec.expectations);
    }
    scenario.strategies.push_back(std::move(spec.strategy));
  }
}

}  // namespace dupsim
