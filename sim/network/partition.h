// Scheduled network partitions: windows of virtual time during which a link
// drops every message sent on it, in one direction or both. A scenario lists
// them once for the whole network; each link keeps the ones that cut its own
// direction (PartitionsCutting) and checks them as a merged, sorted schedule.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/virtual_time.h"

namespace dupsim {

enum class PartitionDirection : std::uint8_t {
  kRequest,   // app -> server only
  kResponse,  // server -> app only
  kBoth,
};

struct Partition {
  Time start = 0;     // when the link goes down, >= 0
  Time duration = 0;  // how long it stays down, > 0; messages sent in [start, start + duration)
  PartitionDirection direction = PartitionDirection::kBoth;

  Time end() const { return start + duration; }
};

// The partitions among `all` that cut the link carrying `link` traffic.
// Precondition: `link` is kRequest or kResponse.
std::vector<Partition> PartitionsCutting(std::span<const Partition> all, PartitionDirection link);

// When a link is down: the union of its partitions as disjoint windows in time
// order, asked about times that never decrease, so each question is O(1) amortised.
class PartitionSchedule {
 public:
  // Preconditions: every start >= 0 and duration > 0. Overlapping windows merge.
  explicit PartitionSchedule(std::span<const Partition> partitions);

  // Whether a message sent at `now` is dropped. Precondition: `now` is not
  // earlier than in the previous call.
  bool IsDownAt(Time now);

 private:
  struct Window {
    Time start;
    Time end;  // exclusive
  };
  std::vector<Window> windows_;
  std::size_t next_ = 0;  // the first window that has not ended yet
  Time last_asked_ = 0;
};

}  // namespace dupsim
