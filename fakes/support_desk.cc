#include "fakes/support_desk.h"

#include <cassert>

#include "fakes/ledger.h"

namespace dupsim {

SupportDesk::SupportDesk(Scheduler& sim, SupportDeskOptions options, RandomStream stream,
                         const Ledger& ledger)
    : sim_(sim),
      self_(sim.Register(this)),
      options_(std::move(options)),
      stream_(stream),
      ledger_(ledger) {
  assert(options_.contact_probability >= 0 && options_.contact_probability <= 1);
  assert(!Enabled() || options_.notice_delay);
}

void SupportDesk::OnCharged(IntentId intent, std::uint32_t ordinal, Money /*amount*/) {
  if (ordinal != 1) return;  // users notice an intent's duplicates once, from the first
  RandomStream rng = stream_.Derive(intent);
  const bool would_contact = rng.Bernoulli(options_.contact_probability);
  const Time notice_after = options_.notice_delay->Sample(rng);
  if (would_contact) sim_.Schedule(notice_after, self_, 0, intent);
}

void SupportDesk::Handle(const Event& event) {
  const auto intent = static_cast<IntentId>(event.payload);
  const std::uint32_t duplicates = ledger_.ChargesOf(intent) - 1;
  if (ledger_.RefundsOf(intent) >= duplicates) return;  // the money is already on its way back
  ++contacts_;
}

}  // namespace dupsim
