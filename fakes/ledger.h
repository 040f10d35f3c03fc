// The ledger of committed charges. Every charge records the intent that caused
// it: the simulator's ground truth, from which duplicates are counted exactly
// (a real ledger only knows payer, payee, amount and keys).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/dedup/strategy.h"

namespace dupsim {

class Ledger {
 public:
  explicit Ledger(std::uint32_t intents) : charges_per_intent_(intents, 0) {}

  void Commit(IntentId intent) {
    ++charges_per_intent_[intent];
    ++charges_;
  }

  std::uint64_t Charges() const { return charges_; }
  std::uint32_t ChargesOf(IntentId intent) const { return charges_per_intent_[intent]; }
  std::span<const std::uint32_t> ChargesPerIntent() const { return charges_per_intent_; }

 private:
  std::vector<std::uint32_t> charges_per_intent_;
  std::uint64_t charges_ = 0;
};

}  // namespace dupsim
