// How many dedup entries (keys, inbox ids, fingerprints) a table holds at its
// peak: the memory cost of a defence. Each entry is held from its Add until its
// Remove, or, with a retention, until `retention` after its Add (a TTL); the peak
// is exact as long as Adds come in time order, which virtual time guarantees.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/engine/virtual_time.h"

namespace dupsim {

class HeldEntries {
 public:
  static constexpr Time kForever = -1;

  explicit HeldEntries(Time retention = kForever) : retention_(retention) {
    assert(retention == kForever || retention > 0);
  }

  // Precondition: `now` is not before any earlier Add's.
  void Add(Time now) {
    if (retention_ == kForever) {
      Bump(++held_);
      return;
    }
    Expire(now);
    added_at_.push_back(now);
    Bump(added_at_.size() - head_);
  }

  // An entry deleted before it expired (a claim rolled back). Only without a retention:
  // with one, the entry counts until it would have expired, an over-count of rollbacks.
  void Remove() {
    if (retention_ != kForever) return;
    assert(held_ > 0);
    --held_;
  }

  std::uint64_t Peak() const { return peak_; }

 private:
  void Bump(std::uint64_t held) {
    if (held > peak_) peak_ = held;
  }
  void Expire(Time now) {
    while (head_ < added_at_.size() && added_at_[head_] + retention_ <= now) ++head_;
    // Compact once the expired prefix is most of the buffer: amortised O(1) per Add.
    if (head_ > 1024 && head_ * 2 > added_at_.size()) {
      added_at_.erase(added_at_.begin(), added_at_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  Time retention_;
  std::uint64_t held_ = 0;      // without a retention
  std::vector<Time> added_at_;  // with one: Add times, expired ones before head_
  std::size_t head_ = 0;
  std::uint64_t peak_ = 0;
};

}  // namespace dupsim
