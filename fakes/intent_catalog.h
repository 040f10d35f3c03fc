// What each payment intent is, fixed before the run starts: its amount, its
// payer, and whether it is a legitimate repeat of the intent before it (the
// same payer paying the same payee the same amount again, e.g. a second
// coffee). Drawn from each intent's own streams, so an intent is the same
// under every strategy; parties read the catalog (the app puts the amount on
// the request, the arrivals schedule repeats), nobody writes it.
//
// Repeats are among the run's intents, not extra ones: intent i (i >= 1) is a
// repeat of intent i-1 with the repeat probability, else a first payment. So a
// repeat may itself be repeated (a chain of payments to one payee), and ids keep
// one fixed order whatever the strategy. A repeat is its own intent: its charge
// is not a duplicate, which is what makes repeats the control group for
// defences that block payments looking like duplicates.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/distribution.h"
#include "sim/input/money.h"
#include "sim/model/ids.h"

namespace dupsim {

inline constexpr IntentId kNoIntent = 0xffffffffu;

struct LegitimateRepeatOptions {
  double probability = 0.0;  // intent i is a repeat of intent i-1 (for i >= 1)
  DistributionPtr gap;       // from the original's arrival to the repeat's (required if on)
};

class IntentCatalog {
 public:
  // Preconditions: intents >= 1; `amount` draws cents; repeats.gap set if repeats are on.
  // `amount_stream` gives one draw per intent, `repeat_stream` two (only when repeats are on).
  IntentCatalog(std::uint32_t intents, const Distribution& amount, RandomStream amount_stream,
                const LegitimateRepeatOptions& repeats = {},
                RandomStream repeat_stream = RandomStream());

  std::uint32_t Size() const { return static_cast<std::uint32_t>(amounts_.size()); }
  Money AmountOf(IntentId intent) const { return amounts_[intent]; }
  std::span<const Money> Amounts() const { return amounts_; }

  // The intent this one repeats (always intent - 1), or kNoIntent for a first payment.
  IntentId RepeatOf(IntentId intent) const { return IsRepeat(intent) ? intent - 1 : kNoIntent; }
  bool IsRepeat(IntentId intent) const { return !repeat_gap_.empty() && repeat_gap_[intent] >= 0; }
  // Precondition: IsRepeat(intent). From the arrival of RepeatOf(intent) to this one's.
  Time RepeatGap(IntentId intent) const { return repeat_gap_[intent]; }
  // Who pays: the first payment of the intent's chain of repeats (its own id if none).
  IntentId PayerOf(IntentId intent) const { return payer_.empty() ? intent : payer_[intent]; }
  // The first payment after `intent` in id order (Size() if none): the next Poisson arrival.
  IntentId NextFirstPayment(IntentId intent) const;
  // Intents that are legitimate repeats.
  std::uint32_t LegitimateRepeats() const { return legitimate_repeats_; }

 private:
  std::vector<Money> amounts_;
  // Per intent, only when repeats are on: the gap from its original, or -1 for a first payment.
  std::vector<Time> repeat_gap_;
  std::vector<IntentId> payer_;  // per intent, only when repeats are on
  std::uint32_t legitimate_repeats_ = 0;
};

}  // namespace dupsim
