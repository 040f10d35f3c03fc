// A pool of fixed-size records addressed by 32-bit slot numbers, for things
// that live a while and die (messages in flight, client submissions). Freed
// slots are reused last-in first-out, so once the pool has grown to the peak
// number alive, Alloc and Free never touch the heap.
//
// Events refer to records by slot; a record that may be freed while an event
// still names it carries its own generation counter (see ClientApp).
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace dupsim {

using Slot = std::uint32_t;

template <class T>
class SlotPool {
 public:
  void Reserve(std::size_t n) {
    items_.reserve(n);
    free_.reserve(n);
  }

  // Returns a slot holding a default-constructed T... unless reused, in which case the
  // caller overwrites it: records are assigned whole on Alloc by every user.
  Slot Alloc() {
    ++live_;
    if (live_ > peak_) peak_ = live_;
    if (!free_.empty()) {
      Slot s = free_.back();
      free_.pop_back();
      return s;
    }
    items_.emplace_back();
    return static_cast<Slot>(items_.size() - 1);
  }

  void Free(Slot s) {
    assert(s < items_.size());
    assert(live_ > 0);
    --live_;
    free_.push_back(s);
  }

  T& operator[](Slot s) {
    assert(s < items_.size());
    return items_[s];
  }
  const T& operator[](Slot s) const {
    assert(s < items_.size());
    return items_[s];
  }

  std::size_t Live() const { return live_; }
  std::size_t Peak() const { return peak_; }

 private:
  std::vector<T> items_;
  std::vector<Slot> free_;
  std::size_t live_ = 0;
  std::size_t peak_ = 0;
};

}  // namespace dupsim
