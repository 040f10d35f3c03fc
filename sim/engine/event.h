// The one event record the engine moves around: 32 bytes of plain data, so the
// queue can store events by value and the hot path never allocates. The queue
// orders events by (at, seq) only; `kind` and `payload` mean something only to
// the handler that receives them, `timer` only to the simulator.
#pragma once

#include <cstdint>

#include "sim/engine/virtual_time.h"

namespace dupsim {

using HandlerId = std::uint32_t;

// Handler indices and kinds are stored in 16 bits each, so that the timer slot fits in the
// same 32 bytes: a model has a handful of handlers and kinds.
inline constexpr std::uint32_t kMaxHandlers = 0xffff;
inline constexpr std::uint32_t kMaxEventKind = 0xffff;
// `Event::timer` of an event scheduled without a handle (it cannot be cancelled).
inline constexpr std::uint32_t kNoTimer = 0xffffffff;

struct Event {
  Time at = 0;                     // when the event fires
  std::uint64_t seq = 0;           // insertion order; equal times fire first-in first-out
  std::uint16_t handler = 0;       // index into the simulator's handler table
  std::uint16_t kind = 0;          // private to the handler
  std::uint32_t timer = kNoTimer;  // the simulator's handle slot, if the event has a handle
  std::uint64_t payload = 0;       // private to the handler (usually a pool slot + generation)
};
static_assert(sizeof(Event) == 32, "the queue moves events by value: keep them 32 bytes");

// Strict total order: no two events share a seq, so ties never depend on the heap's shape.
// Compared as one 128-bit key, branch-free in the heap's sift loops. Exact because
// times are never negative (the simulator never schedules before its start at 0).
inline bool FiresBefore(const Event& a, const Event& b) {
  using Key = unsigned __int128;
  return ((static_cast<Key>(a.at) << 64) | a.seq) < ((static_cast<Key>(b.at) << 64) | b.seq);
}

}  // namespace dupsim
