// An implicit d-ary min-heap of events in one contiguous vector. Arity 4 halves
// the tree height of a binary heap at the cost of more comparisons per level.
// Measured on the hold model (tests/bench/hold_model_bench), the binary heap is
// as fast at 10k pending events and faster at 100k, so the simulator uses it;
// both stay, since the balance shifts with event size and machine.
//
// Complexity: Insert O(log_d n), RemoveNext O(d log_d n), PeekNext O(1).
// Invariant: for every index i > 0, !FiresBefore(items_[i], items_[(i-1)/d]).
#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

#include "sim/engine/event.h"
#include "sim/engine/event_queue.h"

namespace dupsim {

template <std::size_t Arity>
class DaryHeap {
  static_assert(Arity >= 2);

 public:
  void Reserve(std::size_t n) { items_.reserve(n); }
  bool IsEmpty() const { return items_.empty(); }
  std::size_t Size() const { return items_.size(); }

  const Event& PeekNext() const {
    assert(!items_.empty());
    return items_.front();
  }

  void Insert(const Event& e) {
    items_.push_back(e);
    SiftUp(items_.size() - 1, e);
  }

  Event RemoveNext() {
    assert(!items_.empty());
    Event top = items_.front();
    Event last = items_.back();
    items_.pop_back();
    if (!items_.empty()) SiftDown(0, last);
    return top;
  }

 private:
  // Moves the hole at `i` towards the root until `e` fits, then places `e`.
  void SiftUp(std::size_t i, const Event& e) {
    while (i > 0) {
      std::size_t parent = (i - 1) / Arity;
      if (!FiresBefore(e, items_[parent])) break;
      items_[i] = items_[parent];
      i = parent;
    }
    items_[i] = e;
  }

  void SiftDown(std::size_t i, const Event& e) {
    const std::size_t n = items_.size();
    for (;;) {
      std::size_t first = i * Arity + 1;
      if (first >= n) break;
      std::size_t last = first + Arity < n ? first + Arity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < last; ++c) {
        if (FiresBefore(items_[c], items_[best])) best = c;
      }
      if (!FiresBefore(items_[best], e)) break;
      items_[i] = items_[best];
      i = best;
    }
    items_[i] = e;
  }

  std::vector<Event> items_;
};

using BinaryHeap = DaryHeap<2>;
using QuaternaryHeap = DaryHeap<4>;
static_assert(EventQueue<BinaryHeap>);
static_assert(EventQueue<QuaternaryHeap>);

}  // namespace dupsim
