#include "sim/scenario/after_the_fact_reader.h"

#include <memory>
#include <string>

#include "sim/scenario/distribution_registry.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

constexpr Time kDay = 24 * kHour;

DistributionPtr ReadDistribution(const YamlMapReader& map, std::string_view key,
                                 DistributionPtr fallback) {
  auto value = map.Find(key);
  return value ? DistributionRegistry::Builtin().Read(*value) : fallback;
}

// A daily batch finds a duplicate committed at a uniform moment of the day at the
// next run: up to a day later.
DistributionPtr DefaultDetectionDelay() {
  return std::make_shared<UniformDistribution>(0, kDay);
}

// Consumer-facing refunds commonly take 1-3 business days
// (docs/after-the-fact.md#refunds-and-holds).
DistributionPtr DefaultRefundProcessing() {
  return std::make_shared<UniformDistribution>(kDay, 3 * kDay);
}

// Illustrative: the user sees the second charge on the next day's statement.
DistributionPtr DefaultNoticeDelay() {
  return std::make_shared<ConstantDistribution>(kDay);
}

}  // namespace

ReconcilerOptions DefaultReconciliation() {
  ReconcilerOptions options;
  options.detection_delay = DefaultDetectionDelay();
  options.refund_processing = DefaultRefundProcessing();
  return options;
}

// `reconciliation: { delay: dist, refund_processing: dist, refund: partial, partial_fraction: 0.5
// }`
ReconcilerOptions ReadReconciliation(const YamlValue& value) {
  const YamlMapReader reader(value, {"delay", "refund_processing", "refund", "partial_fraction"});
  ReconcilerOptions options = DefaultReconciliation();
  options.enabled = true;
  options.detection_delay = ReadDistribution(reader, "delay", DefaultDetectionDelay());
  options.refund_processing =
      ReadDistribution(reader, "refund_processing", DefaultRefundProcessing());
  const auto refund = reader.Find("refund");
  const bool partial = refund && refund->Choice({"full", "partial"}) == 1;
  const auto fraction = reader.Find("partial_fraction");
  if (!partial) {
    if (fraction) fraction->Fail("only allowed with refund: partial");
    return options;
  }
  const YamlValue given = reader.Get("partial_fraction");
  options.refund_fraction = given.Probability();
  if (options.refund_fraction == 0 || options.refund_fraction == 1) {
    given.Fail("must be > 0 and < 1 (a full refund is refund: full), got " + given.node().Scalar());
  }
  return options;
}

// `support: { contact_probability: 0.3, notice_delay: dist }`
SupportDeskOptions ReadSupport(const YamlValue& value) {
  const YamlMapReader reader(value, {"contact_probability", "notice_delay"});
  SupportDeskOptions options;
  options.contact_probability = reader.Get("contact_probability").Probability();
  options.notice_delay = ReadDistribution(reader, "notice_delay", DefaultNoticeDelay());
  return options;
}

}  // namespace dupsim
