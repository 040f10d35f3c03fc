#include "sim/network/network_link.h"

#include <cassert>

namespace dupsim {

NetworkLink::NetworkLink(Simulator& sim, MessagePool& pool, NetworkLinkOptions options,
                         RandomStream stream, std::uint32_t intents, HandlerId destination,
                         std::uint32_t delivery_kind)
    : sim_(sim),
      pool_(pool),
      options_(std::move(options)),
      destination_(destination),
      delivery_kind_(delivery_kind) {
  assert(options_.latency);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
}

void NetworkLink::Send(Slot slot) {
  ++counters_.sent;
  RandomStream& rng = per_intent_[pool_[slot].intent];
  // Four draws per message whatever happens, so one message's fate never shifts the next one's.
  const bool lost = rng.Bernoulli(options_.loss_probability);
  const Time latency = options_.latency->Sample(rng);
  const bool duplicated = rng.Bernoulli(options_.duplicate_probability);
  const Time copy_latency = options_.latency->Sample(rng);
  if (lost) {
    ++counters_.lost;
    pool_.Free(slot);
    return;
  }
  sim_.Schedule(latency, destination_, delivery_kind_, slot);
  if (duplicated) {
    ++counters_.duplicated;
    Message copy = pool_[slot];
    copy.network_copy = true;
    const Slot copy_slot = pool_.Alloc();
    pool_[copy_slot] = copy;
    sim_.Schedule(copy_latency, destination_, delivery_kind_, copy_slot);
  }
}

}  // namespace dupsim
