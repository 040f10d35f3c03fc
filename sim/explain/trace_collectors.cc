#include "sim/explain/trace_collectors.h"

namespace dupsim {
namespace {

constexpr auto kCharged = static_cast<std::uint16_t>(TraceKind::kCharged);
constexpr auto kRefunded = static_cast<std::uint16_t>(TraceKind::kRefunded);

}  // namespace

void DuplicateChargeCollector::Record(const TraceRecord& record) {
  if (record.kind == kCharged && ChargedDetail::Unpack(record.detail).duplicate)
    duplicates_.push_back(record);
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
