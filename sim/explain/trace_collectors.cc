#include "sim/explain/trace_collectors.h"

namespace dupsim {
namespace {

constexpr auto kCharged = static_cast<std::uint16_t>(TraceKind::kCharged);
constexpr auto kRefunded = static_cast<std::uint16_t>(TraceKind::kRefunded);

}  // namespace

ChargeDetail DecodeCharge(std::uint32_t detail) {
  ChargeDetail charge;
  charge.ordinal = detail & 0xff;
  const std::uint32_t cause = detail >> 8;
  charge.duplicate = cause != 0;
  if (charge.duplicate && cause <= kRootCauseCount)
    charge.cause = static_cast<RootCause>(cause - 1);
  return charge;
}

void DuplicateChargeCollector::Record(const TraceRecord& record) {
  if (record.kind == kCharged && (record.detail >> 8) != 0) duplicates_.push_back(record);
}

void IntentRecorder::Record(const TraceRecord& record) {
  if (record.intent == intent_) records_.push_back(record);
}

void IntentChargeCounter::Record(const TraceRecord& record) {
  if (record.intent != intent_) return;
  charges_ += record.kind == kCharged;
  refunds_ += record.kind == kRefunded;
}

}  // namespace dupsim
