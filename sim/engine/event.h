// The one event record the engine moves around: 32 bytes of plain data, so the
// queue can store events by value and the hot path never allocates. The queue
// orders events by (at, seq) only; `kind` and `payload` mean something only to
// the handler that receives them.
#pragma once

#include <cstdint>

#include "sim/engine/virtual_time.h"

namespace dupsim {

using HandlerId = std::uint32_t;

struct Event {
  Time at = 0;                // when the event fires
  std::uint64_t seq = 0;      // insertion order; equal times fire first-in first-out
  HandlerId handler = 0;      // index into the simulator's handler table
  std::uint32_t kind = 0;     // private to the handler
  std::uint64_t payload = 0;  // private to the handler (usually a pool slot + generation)
};

// Strict total order: no two events share a seq, so ties never depend on the heap's shape.
// Compared as one 128-bit key, branch-free in the heap's sift loops. Exact because
// times are never negative (the simulator never schedules before its start at 0).
inline bool FiresBefore(const Event& a, const Event& b) {
  using Key = unsigned __int128;
  return ((static_cast<Key>(a.at) << 64) | a.seq) < ((static_cast<Key>(b.at) << 64) | b.seq);
}

}  // namespace dupsim
