// A handle to one scheduled event, for cancelling it: a slot in the simulator's
// handle table and the generation that slot had when the event was scheduled.
// The simulator bumps a slot's generation whenever its event fires or its slot
// is freed, so a handle outlives its event harmlessly: cancelling it later, or
// after the slot was reused by another event, does nothing.
#pragma once

#include <cstdint>

#include "sim/engine/event.h"

namespace dupsim {

struct EventHandle {
  std::uint32_t slot = kNoTimer;  // kNoTimer: names no event (the default)
  std::uint32_t generation = 0;

  // False for a default handle; true for one a Schedule* call returned, pending or not.
  bool Names() const { return slot != kNoTimer; }
};

}  // namespace dupsim
