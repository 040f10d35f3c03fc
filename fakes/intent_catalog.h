// What each payment intent is, fixed before the run starts: for now its
// amount. Drawn from the intent's own stream, so an intent costs the same under
// every strategy; parties read it (the app puts it on the request), nobody
// writes it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/dedup/strategy.h"
#include "sim/engine/distribution.h"
#include "sim/input/money.h"

namespace dupsim {

class IntentCatalog {
 public:
  // Precondition: `amount` draws cents.
  IntentCatalog(std::uint32_t intents, const Distribution& amount, RandomStream stream) {
    amounts_.reserve(intents);
    for (std::uint32_t i = 0; i < intents; ++i) {
      RandomStream rng = stream.Derive(i);
      amounts_.push_back(amount.Sample(rng));
    }
  }

  std::uint32_t Size() const { return static_cast<std::uint32_t>(amounts_.size()); }
  Money AmountOf(IntentId intent) const { return amounts_[intent]; }
  std::span<const Money> Amounts() const { return amounts_; }

 private:
  std::vector<Money> amounts_;
};

}  // namespace dupsim
