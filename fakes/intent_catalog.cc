#include "fakes/intent_catalog.h"

#include <cassert>

namespace dupsim {

IntentCatalog::IntentCatalog(std::uint32_t intents, const Distribution& amount,
                             RandomStream amount_stream, const LegitimateRepeatOptions& repeats,
                             RandomStream repeat_stream) {
  assert(intents >= 1);
  assert(repeats.probability >= 0 && repeats.probability <= 1);
  amounts_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) {
    RandomStream rng = amount_stream.Derive(i);
    amounts_.push_back(amount.Sample(rng));
  }
  // Without repeats the tables stay empty: a run pays for them only when it models repeats.
  if (repeats.probability == 0) return;
  assert(repeats.gap);
  repeat_gap_.assign(intents, -1);
  payer_.resize(intents);
  payer_[0] = 0;
  for (std::uint32_t i = 1; i < intents; ++i) {
    RandomStream rng = repeat_stream.Derive(i);
    const bool repeat = rng.Bernoulli(repeats.probability);
    const Time gap = repeats.gap->Sample(rng);  // drawn either way: two draws per intent
    if (!repeat) {
      payer_[i] = i;
      continue;
    }
    ++legitimate_repeats_;
    repeat_gap_[i] = gap;
    payer_[i] = payer_[i - 1];
    amounts_[i] = amounts_[i - 1];  // same payee, same amount
  }
}

IntentId IntentCatalog::NextFirstPayment(IntentId intent) const {
  IntentId next = intent + 1;
  while (next < Size() && IsRepeat(next)) ++next;
  return next;
}

}  // namespace dupsim
