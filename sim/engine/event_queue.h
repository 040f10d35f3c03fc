// The contract every pending-event queue meets. Like ns-3's Scheduler it has
// five operations and never looks inside an event beyond (at, seq); unlike it,
// the contract is a concept, so the simulator calls the queue without a virtual
// dispatch per event.
//
// Invariants a conforming queue keeps:
//  - RemoveNext() returns the event e with the smallest (e.at, e.seq);
//  - PeekNext() and RemoveNext() require !IsEmpty();
//  - Insert does not allocate once Reserve(n) was called and Size() < n.
#pragma once

#include <concepts>
#include <cstddef>

#include "sim/engine/event.h"

namespace dupsim {

template <class Q>
concept EventQueue = requires(Q q, const Q cq, const Event& e, std::size_t n) {
  q.Insert(e);                                      // O(log n)
  { q.RemoveNext() } -> std::same_as<Event>;        // O(log n)
  { cq.PeekNext() } -> std::same_as<const Event&>;  // O(1)
  { cq.IsEmpty() } -> std::same_as<bool>;           // O(1)
  { cq.Size() } -> std::same_as<std::size_t>;       // O(1)
  q.Reserve(n);
};

}  // namespace dupsim
