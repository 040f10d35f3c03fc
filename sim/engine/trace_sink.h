// Where a simulation's story goes when someone wants to read it (`dupsim
// explain`, `dupsim trace`): each party reports what it did as a small record.
// The engine only carries the sink; what lanes and kinds mean is the parties'
// business (fakes/trace_event.h). Off by default: a null sink costs one
// predictable branch per report and allocates nothing.
#pragma once

#include <cstdint>

#include "sim/engine/virtual_time.h"

namespace dupsim {

struct TraceRecord {
  Time at = 0;
  std::uint32_t intent = 0;  // whose story it belongs to
  std::uint8_t lane = 0;     // the party that acted
  std::uint8_t peer = 0;     // the party it acted towards (== lane when none)
  std::uint16_t kind = 0;    // what happened
  std::uint8_t checkout = 0;
  std::uint8_t tap = 0;
  std::uint8_t attempt = 0;
  std::uint32_t detail = 0;  // kind-specific: a status, a replica, a delay in ms, ...
};

class TraceSink {
 public:
  virtual void Record(const TraceRecord& record) = 0;

 protected:
  ~TraceSink() = default;
};

}  // namespace dupsim
