#include "fakes/status_query_service.h"

#include "sim/model/trace_event.h"

#include <cassert>

#include "fakes/ledger.h"

namespace dupsim {
namespace {

// An answer on its way, as an event: the asker above bit 0 of the kind, bit 0 set when
// the query failed; the intent in the payload's low 32 bits, the asker's tag above.
struct PendingAnswer {
  StatusQueryService::AskerId asker = 0;
  bool failed = false;
  IntentId intent = 0;
  std::uint32_t tag = 0;

  std::uint32_t PackKind() const { return (asker << 1) | (failed ? 1u : 0u); }
  std::uint64_t PackPayload() const { return intent | (static_cast<std::uint64_t>(tag) << 32); }
  static PendingAnswer Unpack(const Event& event) {
    return {static_cast<StatusQueryService::AskerId>(event.kind >> 1), (event.kind & 1) != 0,
            static_cast<IntentId>(event.payload), static_cast<std::uint32_t>(event.payload >> 32)};
  }
};

}  // namespace

StatusQueryService::StatusQueryService(Scheduler& sim, StatusQueryOptions options,
                                       RandomStream stream, const Ledger& ledger)
    : sim_(sim),
      self_(sim.Register(this)),
      options_(std::move(options)),
      stream_(stream),
      ledger_(ledger) {
  assert(options_.failure_probability >= 0 && options_.failure_probability <= 1);
}

StatusQueryService::AskerId StatusQueryService::AddAsker(StatusQueryListener* listener) {
  assert(listener != nullptr);
  askers_.push_back(listener);
  return static_cast<AskerId>(askers_.size() - 1);
}

void StatusQueryService::Ask(AskerId asker, IntentId intent, std::uint32_t tag) {
  assert(asker < askers_.size());
  assert(options_.latency);
  ++counters_.asked;
  RandomStream rng = stream_.Derive(intent).Derive((static_cast<std::uint64_t>(asker) << 32) | tag);
  const bool failed = rng.Bernoulli(options_.failure_probability);
  const Time latency = options_.latency->Sample(rng);
  const PendingAnswer answer{asker, failed, intent, tag};
  sim_.Schedule(latency, self_, answer.PackKind(), answer.PackPayload());
}

void StatusQueryService::Handle(const Event& event) {
  const auto [asker, failed, intent, tag] = PendingAnswer::Unpack(event);
  assert(asker < askers_.size());
  PaymentStatus status = PaymentStatus::kUnknown;
  if (failed) {
    ++counters_.failed;
  } else if (ledger_.ChargesOf(intent) > 0 &&
             (options_.stale_by == 0 ||
              (first_charged_at_[intent] >= 0 &&
               sim_.Now() - first_charged_at_[intent] >= options_.stale_by))) {
    ++counters_.found_charged;
    status = PaymentStatus::kCharged;
  } else {
    status = PaymentStatus::kNotFound;
  }
  askers_[asker]->OnPaymentStatus(intent, tag, status);
}

void StatusQueryService::OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) {
  (void)amount;
  if (ordinal != 0) return;
  if (intent >= first_charged_at_.size()) first_charged_at_.resize(intent + 1, -1);
  first_charged_at_[intent] = sim_.Now();
}

}  // namespace dupsim
