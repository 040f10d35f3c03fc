#include "sim/scenario/distribution_registry.h"

#include <cassert>
#include <memory>

namespace dupsim {
namespace {

DistributionPtr BuildConstant(const YamlMapReader& params) {
  return std::make_shared<ConstantDistribution>(params.Get("value").Duration());
}

DistributionPtr BuildUniform(const YamlMapReader& params) {
  const Time min = params.Get("min").Duration();
  const YamlValue max_value = params.Get("max");
  const Time max = max_value.Duration();
  if (max < min) {
    max_value.Fail("max must not be less than min (" + FormatDuration(min) + "), got " +
                   FormatDuration(max));
  }
  return std::make_shared<UniformDistribution>(min, max);
}

DistributionPtr BuildExponential(const YamlMapReader& params) {
  return std::make_shared<ExponentialDistribution>(params.Get("mean").Duration());
}

DistributionPtr BuildLognormal(const YamlMapReader& params) {
  const YamlValue median_value = params.Get("median");
  const Time median = median_value.Duration();
  if (median == 0) median_value.Fail("median must be > 0 (a lognormal is never zero)");
  const YamlValue p99_value = params.Get("p99");
  const Time p99 = p99_value.Duration();
  if (p99 < median) {
    p99_value.Fail("p99 must not be less than median (" + FormatDuration(median) + "), got " +
                   FormatDuration(p99));
  }
  return std::make_shared<LognormalDistribution>(median, p99);
}

}  // namespace

void RegisterBuiltinDistributions(DistributionRegistry& registry) {
  registry.Add({"constant", {"value"}, BuildConstant});
  registry.Add({"uniform", {"min", "max"}, BuildUniform});
  registry.Add({"exponential", {"mean"}, BuildExponential});
  registry.Add({"lognormal", {"median", "p99"}, BuildLognormal});
}

const DistributionRegistry& DistributionRegistry::Builtin() {
  static const DistributionRegistry registry = [] {
    DistributionRegistry r;
    RegisterBuiltinDistributions(r);
    return r;
  }();
  return registry;
}

void DistributionRegistry::Add(DistributionKind kind) {
  assert(!kinds_.count(kind.name));
  std::string name = kind.name;
  kinds_.emplace(std::move(name), std::move(kind));
}

const DistributionKind* DistributionRegistry::Find(std::string_view name) const {
  auto it = kinds_.find(name);
  return it == kinds_.end() ? nullptr : &it->second;
}

std::string DistributionRegistry::Names() const {
  std::string out;
  for (const auto& [name, kind] : kinds_) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

DistributionPtr DistributionRegistry::Read(const YamlValue& value) const {
  if (!value.IsMap()) {
    value.Fail(
        "expected a distribution such as { dist: lognormal, median: 40ms, p99: 300ms }, got " +
        value.Describe());
  }
  const YamlMapReader params(value);
  const auto dist = params.Find("dist");
  if (!dist) {
    throw InputError::At(value.pos(), value.ChildPath("dist"),
                         "required key is missing (one of " + Names() + ")");
  }
  const DistributionKind* kind = dist->IsScalar() ? Find(dist->Text()) : nullptr;
  if (!kind) dist->Fail("unknown distribution " + dist->Describe() + " (known: " + Names() + ")");
  std::vector<std::string_view> allowed{"dist"};
  allowed.insert(allowed.end(), kind->keys.begin(), kind->keys.end());
  params.AllowOnly(allowed);
  return kind->build(params);
}

}  // namespace dupsim
