// One direction of the network between client apps and payment servers. Each
// message is dropped, delayed, and possibly delivered twice, with the draws for
// one intent's messages taken from that intent's own stream, so the network's
// treatment of intent 17 does not change when another intent sends more.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/distribution.h"
#include "sim/engine/random_stream.h"
#include "sim/engine/simulator.h"
#include "sim/network/message.h"

namespace dupsim {

struct NetworkLinkOptions {
  DistributionPtr latency;             // one-way delay of a delivered message (required)
  double loss_probability = 0.0;       // the message vanishes
  double duplicate_probability = 0.0;  // a delivered message arrives again, with its own delay
};

struct NetworkLinkCounters {
  std::uint64_t sent = 0;
  std::uint64_t lost = 0;
  std::uint64_t duplicated = 0;
};

class NetworkLink {
 public:
  // Delivers to `destination` as an event of `delivery_kind` whose payload is the message slot.
  NetworkLink(Simulator& sim, MessagePool& pool, NetworkLinkOptions options, RandomStream stream,
              std::uint32_t intents, HandlerId destination, std::uint32_t delivery_kind);

  // Takes ownership of the message in `slot`: it is delivered (and owned by the
  // destination) or freed here when lost.
  void Send(Slot slot);

  const NetworkLinkCounters& counters() const { return counters_; }

 private:
  Simulator& sim_;
  MessagePool& pool_;
  NetworkLinkOptions options_;
  std::vector<RandomStream> per_intent_;
  HandlerId destination_;
  std::uint32_t delivery_kind_;
  NetworkLinkCounters counters_;
};

}  // namespace dupsim
