// One direction of the network between client apps and payment servers. Each
// message is dropped, delayed, and possibly delivered twice, with the draws for
// one intent's messages taken from that intent's own stream, so the network's
// treatment of intent 17 does not change when another intent sends more.
//
// Faults, in the order a message meets them: a scheduled partition drops
// everything sent while it lasts; otherwise the message is lost with the
// background probability, or with the burst probability while the link is in a
// Gilbert-Elliott burst (burst_process.h); a delivered message may be held back
// by an extra delay (a path change, a retransmission), so later ones overtake
// it; and it may arrive a second time (a retrying proxy or load balancer: an
// application-level duplicate).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/distribution.h"
#include "sim/engine/random_stream.h"
#include "sim/engine/scheduler.h"
#include "sim/network/burst_process.h"
#include "sim/network/message.h"
#include "sim/network/partition.h"

namespace dupsim {

struct NetworkLinkOptions {
  DistributionPtr latency;             // one-way delay of a delivered message (required)
  double loss_probability = 0.0;       // the message vanishes (outside bursts: background loss)
  double duplicate_probability = 0.0;  // a delivered message arrives again, with its own delay

  // Gilbert-Elliott bursts. Off while burst_time_fraction is 0.
  double burst_time_fraction = 0.0;     // long-run share of time in bursts, in [0, 1)
  Time burst_length_mean = 0;           // mean burst duration (exponential), > 0 if bursts are on
  double burst_loss_probability = 1.0;  // loss inside a burst, replacing loss_probability there

  // Hold-ups that reorder messages. Off while reorder_probability is 0.
  double reorder_probability = 0.0;     // a delivered message (or copy) is held back
  DistributionPtr reorder_extra_delay;  // added to a held-back message's latency (required if on)

  // Windows in which every message sent on this link is dropped; already the
  // ones that cut this link's direction (PartitionsCutting), so direction is not consulted.
  std::vector<Partition> partitions;
};

// `link` with the partitions among `all` that cut `direction` (kRequest or kResponse).
NetworkLinkOptions WithPartitionsCutting(NetworkLinkOptions link, std::span<const Partition> all,
                                         PartitionDirection direction);

struct NetworkLinkCounters {
  std::uint64_t sent = 0;
  std::uint64_t lost = 0;           // every drop, partitions included
  std::uint64_t partitioned = 0;    // dropped because a partition was on
  std::uint64_t sent_in_burst = 0;  // sent while the link was in a burst
  std::uint64_t lost_in_burst = 0;  // lost to burst loss (not to a partition)
  std::uint64_t held_back = 0;      // deliveries (copies included) given the reorder delay
  std::uint64_t duplicated = 0;
};

class NetworkLink {
 public:
  // Delivers to `destination` as an event of `delivery_kind` whose payload is the message slot.
  NetworkLink(Scheduler& sim, MessagePool& pool, NetworkLinkOptions options, RandomStream stream,
              std::uint32_t intents, HandlerId destination, std::uint32_t delivery_kind);

  // Takes ownership of the message in `slot`: it is delivered (and owned by the
  // destination) or freed here when lost.
  void Send(Slot slot);

  const NetworkLinkCounters& counters() const { return counters_; }

 private:
  // The latency of one delivery plus, if the reorder draw says so, the hold-up.
  Time DeliveryDelay(Time latency, RandomStream& hold_rng);

  Scheduler& sim_;
  MessagePool& pool_;
  NetworkLinkOptions options_;
  std::vector<RandomStream> per_intent_;
  BurstProcess bursts_;
  PartitionSchedule partitions_;
  HandlerId destination_;
  std::uint32_t delivery_kind_;
  NetworkLinkCounters counters_;
};

}  // namespace dupsim
