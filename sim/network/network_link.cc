#include "sim/network/network_link.h"

#include <cassert>

#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"

namespace dupsim {
namespace {

// Sub-stream indices above every intent id (< 2^32), so they never coincide
// with an intent's stream, and independent of the number of intents.
constexpr std::uint64_t kBurstStreamIndex = (1ULL << 63) | 1;
constexpr std::uint64_t kHoldUpStreamIndex = (1ULL << 63) | 2;

void CheckOptions(const NetworkLinkOptions& o) {
  assert(o.latency);
  assert(o.loss_probability >= 0 && o.loss_probability <= 1);
  assert(o.duplicate_probability >= 0 && o.duplicate_probability <= 1);
  assert(o.burst_time_fraction >= 0 && o.burst_time_fraction < 1);
  assert(o.burst_time_fraction == 0 || o.burst_length_mean > 0);
  assert(o.burst_loss_probability >= 0 && o.burst_loss_probability <= 1);
  assert(o.reorder_probability >= 0 && o.reorder_probability <= 1);
  assert(o.reorder_probability == 0 || o.reorder_extra_delay);
  (void)o;
}

}  // namespace

NetworkLinkOptions WithPartitionsCutting(NetworkLinkOptions link, std::span<const Partition> all,
                                         PartitionDirection direction) {
  link.partitions = PartitionsCutting(all, direction);
  return link;
}

NetworkLink::NetworkLink(Scheduler& sim, MessagePool& pool, NetworkLinkOptions options,
                         RandomStream stream, std::uint32_t intents, HandlerId destination,
                         std::uint32_t delivery_kind)
    : sim_(sim),
      pool_(pool),
      options_(std::move(options)),
      bursts_(options_.burst_time_fraction, options_.burst_length_mean,
              stream.Derive(kBurstStreamIndex)),
      partitions_(options_.partitions),
      destination_(destination),
      delivery_kind_(delivery_kind) {
  CheckOptions(options_);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
}

Time NetworkLink::DeliveryDelay(Time latency, RandomStream& hold_rng) {
  if (options_.reorder_probability == 0) return latency;
  // Two draws per delivery whatever they decide.
  const bool held = hold_rng.Bernoulli(options_.reorder_probability);
  const Time extra = options_.reorder_extra_delay->Sample(hold_rng);
  if (!held) return latency;
  ++counters_.held_back;
  return latency + extra;
}

void NetworkLink::Send(Slot slot) {
  ++counters_.sent;
  const Time now = sim_.Now();
  RandomStream& rng = per_intent_[pool_[slot].intent];
  // Hold-up draws come from a sub-stream keyed by this message's place in its
  // intent's stream: deriving does not advance that stream, so turning
  // reordering on leaves every other draw, and every result without it, as it was.
  RandomStream hold_rng = rng.Derive(kHoldUpStreamIndex);
  // Four draws per message whatever happens, so one message's fate never shifts the next one's.
  const double loss_draw = rng.NextUnit();
  const Time latency = options_.latency->Sample(rng);
  const bool duplicated = rng.Bernoulli(options_.duplicate_probability);
  const Time copy_latency = options_.latency->Sample(rng);

  const Message& m = pool_[slot];
  const bool response = m.kind != MessageKind::kChargeRequest;
  auto trace = [&](TraceKind kind, std::uint32_t detail) {
    Trace(sim_, Lane::kNetwork, Lane::kNetwork, kind, m.intent, m.checkout, m.tap, m.attempt,
          detail);
  };
  if (partitions_.IsDownAt(now)) {
    trace(TraceKind::kMessageLost,
          MessageDetail{.response = response, .partition = true}.PackLost());
    ++counters_.lost;
    ++counters_.partitioned;
    pool_.Free(slot);
    return;
  }
  // One uniform draw against the threshold of the state the link is in: the
  // burst changes how likely a loss is, not how many numbers are drawn.
  const bool in_burst = bursts_.InBurstAt(now);
  counters_.sent_in_burst += in_burst;
  const double loss = in_burst ? options_.burst_loss_probability : options_.loss_probability;
  if (loss_draw < loss) {
    trace(TraceKind::kMessageLost, MessageDetail{.response = response}.PackLost());
    ++counters_.lost;
    counters_.lost_in_burst += in_burst;
    pool_.Free(slot);
    return;
  }
  // A delivery held back (reordered) says so: it arrives long after its latency would have it.
  auto held = [&](Time delay, Time latency_drawn) {
    if (delay == latency_drawn) return;
    const auto held_ms = static_cast<std::uint32_t>((delay - latency_drawn) / kMillisecond);
    trace(TraceKind::kMessageHeld,
          MessageDetail{.response = response, .extra_delay_ms = held_ms}.PackHeld());
  };
  const Time delay = DeliveryDelay(latency, hold_rng);
  held(delay, latency);
  sim_.Schedule(delay, destination_, delivery_kind_, slot);
  if (duplicated) {
    trace(TraceKind::kMessageCopied, MessageDetail{.response = response}.PackCopied());
    ++counters_.duplicated;
    Message copy = pool_[slot];
    copy.network_copy = true;
    const Slot copy_slot = pool_.Alloc();
    pool_[copy_slot] = copy;
    const Time copy_delay = DeliveryDelay(copy_latency, hold_rng);
    held(copy_delay, copy_latency);
    sim_.Schedule(copy_delay, destination_, delivery_kind_, copy_slot);
  }
}

}  // namespace dupsim
