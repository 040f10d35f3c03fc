#include "sim/network/partition.h"

#include <algorithm>
#include <cassert>

namespace dupsim {

std::vector<Partition> PartitionsCutting(std::span<const Partition> all, PartitionDirection link) {
  assert(link != PartitionDirection::kBoth);
  std::vector<Partition> cutting;
  for (const Partition& p : all) {
    if (p.direction == link || p.direction == PartitionDirection::kBoth) cutting.push_back(p);
  }
  return cutting;
}

PartitionSchedule::PartitionSchedule(std::span<const Partition> partitions) {
  for (const Partition& p : partitions) {
    assert(p.start >= 0 && p.duration > 0);
    windows_.push_back({p.start, p.end()});
  }
  std::sort(windows_.begin(), windows_.end(),
            [](const Window& a, const Window& b) { return a.start < b.start; });
  // Merge overlapping and touching windows, so "down" is one lookup in one window.
  std::vector<Window> merged;
  for (const Window& w : windows_) {
    if (!merged.empty() && w.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, w.end);
    } else {
      merged.push_back(w);
    }
  }
  windows_ = std::move(merged);
}

bool PartitionSchedule::IsDownAt(Time now) {
  assert(now >= last_asked_);
  last_asked_ = now;
  while (next_ < windows_.size() && windows_[next_].end <= now) ++next_;
  return next_ < windows_.size() && windows_[next_].start <= now;
}

}  // namespace dupsim
