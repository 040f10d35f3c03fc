// A TraceSink that keeps every record it hears, in the order heard (which is
// virtual-time order: the simulator runs its events in time order), for the
// trace writers to render after the run.
#pragma once

#include <vector>

#include "sim/engine/trace_sink.h"

namespace dupsim {

class TraceRecorder final : public TraceSink {
 public:
  void Record(const TraceRecord& record) override { records_.push_back(record); }
  const std::vector<TraceRecord>& records() const { return records_; }

 private:
  std::vector<TraceRecord> records_;
};

}  // namespace dupsim
