// The trace sinks `dupsim explain` listens with. A world reports every step of
// every intent; each sink keeps only the few records it needs, so a full run
// with a sink costs about what it costs without one.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/trace_sink.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"

namespace dupsim {

// Every duplicate charge of a run (ordinal >= 1), as the ledger booked them: enough to find
// the duplicated intents, and the cause of each one's first duplicate, without keeping the
// first charges of the intents charged once.
class DuplicateChargeCollector final : public TraceSink {
 public:
  void Record(const TraceRecord& record) override;
  const std::vector<TraceRecord>& duplicates() const { return duplicates_; }

 private:
  std::vector<TraceRecord> duplicates_;
};

// Every record of one intent, in the order reported (virtual-time order): its story.
class IntentRecorder final : public TraceSink {
 public:
  explicit IntentRecorder(std::uint32_t intent) : intent_(intent) {}
  void Record(const TraceRecord& record) override;
  const std::vector<TraceRecord>& records() const { return records_; }

 private:
  std::uint32_t intent_;
  std::vector<TraceRecord> records_;
};

// One intent's charges and refunds only: what a counterfactual run needs to know about it.
class IntentChargeCounter final : public TraceSink {
 public:
  explicit IntentChargeCounter(std::uint32_t intent) : intent_(intent) {}
  void Record(const TraceRecord& record) override;
  std::uint32_t charges() const { return charges_; }
  std::uint32_t refunds() const { return refunds_; }

 private:
  std::uint32_t intent_;
  std::uint32_t charges_ = 0;
  std::uint32_t refunds_ = 0;
};

}  // namespace dupsim
