#include "sim/scenario/distribution_registry.h"

#include <cassert>
#include <memory>

#include "sim/engine/duration_text.h"
#include "sim/input/closest_name.h"
#include "sim/input/money.h"

namespace dupsim {
namespace {

std::int64_t ReadQuantity(const YamlValue& value, Quantity quantity) {
  return quantity == Quantity::kMoney ? value.Money() : value.Duration();
}

std::string FormatQuantity(std::int64_t v, Quantity quantity) {
  return quantity == Quantity::kMoney ? FormatMoney(v) : DurationInLargestExactUnit(v);
}

DistributionPtr BuildConstant(const YamlMapReader& params, Quantity q) {
  return std::make_shared<ConstantDistribution>(ReadQuantity(params.Get("value"), q));
}

DistributionPtr BuildUniform(const YamlMapReader& params, Quantity q) {
  const std::int64_t min = ReadQuantity(params.Get("min"), q);
  const YamlValue max_value = params.Get("max");
  const std::int64_t max = ReadQuantity(max_value, q);
  if (max < min) {
    max_value.Fail("max must not be less than min (" + FormatQuantity(min, q) + "), got " +
                   FormatQuantity(max, q));
  }
  return std::make_shared<UniformDistribution>(min, max);
}

DistributionPtr BuildExponential(const YamlMapReader& params, Quantity q) {
  return std::make_shared<ExponentialDistribution>(ReadQuantity(params.Get("mean"), q));
}

DistributionPtr BuildLognormal(const YamlMapReader& params, Quantity q) {
  const YamlValue median_value = params.Get("median");
  const std::int64_t median = ReadQuantity(median_value, q);
  if (median == 0) median_value.Fail("median must be > 0 (a lognormal is never zero)");
  const YamlValue p99_value = params.Get("p99");
  const std::int64_t p99 = ReadQuantity(p99_value, q);
  if (p99 < median) {
    p99_value.Fail("p99 must not be less than median (" + FormatQuantity(median, q) + "), got " +
                   FormatQuantity(p99, q));
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

DistributionPtr DistributionRegistry::Read(const YamlValue& value, Quantity quantity) const {
  if (!value.IsMap()) {
    value.Fail(std::string("expected a distribution such as ") +
               (quantity == Quantity::kMoney ? "{ dist: lognormal, median: 25, p99: 400 }"
                                             : "{ dist: lognormal, median: 40ms, p99: 300ms }") +
               ", got " + value.Describe());
  }
  const YamlMapReader params(value);
  const auto dist = params.Find("dist");
  if (!dist) {
    throw InputError::At(value.pos(), value.ChildPath("dist"),
                         "required key is missing (one of " + Names() + ")");
  }
  const DistributionKind* kind = dist->IsScalar() ? Find(dist->Text()) : nullptr;
  if (!kind) {
    std::vector<std::string_view> names;
    for (const auto& [name, known] : kinds_) names.push_back(name);
    dist->Fail("unknown distribution " + dist->Describe() +
               DidYouMean(dist->IsScalar() ? dist->Text() : "", names) + " (known: " + Names() +
               ")");
  }
  std::vector<std::string_view> allowed{"dist"};
  allowed.insert(allowed.end(), kind->keys.begin(), kind->keys.end());
  params.AllowOnly(allowed);
  return kind->build(params, quantity);
}

}  // namespace dupsim
