// The ledger of committed charges. Every charge records the intent that caused
// it and where its request came from: the simulator's ground truth, from which
// duplicates are counted exactly and labelled with their root cause (a real
// ledger only knows payer, payee, amount and keys).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "metrics/root_cause.h"
#include "sim/dedup/strategy.h"
#include "sim/input/money.h"

namespace dupsim {

class Ledger {
 public:
  explicit Ledger(std::uint32_t intents)
      : charges_per_intent_(intents, 0), first_origin_(intents) {}

  // A charge naming an intent outside the run is kept aside as stray, for the run's
  // invariants to report (sim/run/invariant_checker.h), never indexed.
  void Commit(IntentId intent, const ChargeOrigin& origin, Money amount) {
    if (intent >= charges_per_intent_.size()) {
      if (stray_charges_++ == 0) first_stray_intent_ = intent;
      return;
    }
    ++charges_;
    charged_amount_ += amount;
    if (charges_per_intent_[intent]++ == 0) {
      first_origin_[intent] = origin;
      return;
    }
    duplicate_amount_ += amount;
    ++duplicates_by_cause_[static_cast<std::size_t>(
        ClassifyDuplicate(first_origin_[intent], origin))];
  }

  std::uint64_t Charges() const { return charges_; }
  std::uint32_t ChargesOf(IntentId intent) const { return charges_per_intent_[intent]; }
  std::span<const std::uint32_t> ChargesPerIntent() const { return charges_per_intent_; }
  const RootCauseCounts& DuplicatesByCause() const { return duplicates_by_cause_; }
  Money ChargedAmount() const { return charged_amount_; }
  Money DuplicateAmount() const { return duplicate_amount_; }  // charges beyond each intent's first
  std::uint64_t StrayCharges() const { return stray_charges_; }
  IntentId FirstStrayIntent() const { return first_stray_intent_; }

 private:
  std::vector<std::uint32_t> charges_per_intent_;
  std::vector<ChargeOrigin> first_origin_;
  RootCauseCounts duplicates_by_cause_{};
  std::uint64_t charges_ = 0;
  Money charged_amount_ = 0;
  Money duplicate_amount_ = 0;
  std::uint64_t stray_charges_ = 0;
  IntentId first_stray_intent_ = 0;
};

}  // namespace dupsim
