// The ledger of committed charges. Every charge records the intent that caused
// it and where its request came from: the simulator's ground truth, from which
// duplicates are counted exactly and labelled with their root cause (a real
// ledger only knows payer, payee, amount and keys).
//
// Refunds give money back for one charge, named by its intent and its ordinal
// within that intent (0 = the first). The ledger records every refund it is
// asked for, right or wrong, so the run's invariants can catch a wrong one.
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <vector>

#include "fakes/charge_listener.h"
#include "fakes/refund_record.h"
#include "metrics/root_cause.h"
#include "sim/input/money.h"
#include "sim/model/ids.h"
#include "sim/model/trace_detail_fields.h"

namespace dupsim {

class Ledger {
 public:
  explicit Ledger(std::uint32_t intents)
      : charges_per_intent_(intents, 0), first_origin_(intents) {}

  // A charge naming an intent outside the run is kept aside as stray, for the run's
  // invariants to report (sim/run/invariant_checker.h), never indexed.
  // Returns what the charge is, for the trace's kCharged record (its ordinal is kept to a
  // byte there); a stray charge is described as a first one.
  ChargedDetail Commit(IntentId intent, const ChargeOrigin& origin, Money amount) {
    if (intent >= charges_per_intent_.size()) {
      if (stray_charges_++ == 0) first_stray_intent_ = intent;
      return ChargedDetail{};
    }
    ++charges_;
    charged_amount_ += amount;
    const std::uint32_t ordinal = charges_per_intent_[intent]++;
    ChargedDetail described{.ordinal = ordinal & 0xff};
    if (ordinal == 0) {
      first_origin_[intent] = origin;
    } else {
      duplicate_amount_ += amount;
      const RootCause cause = ClassifyDuplicate(first_origin_[intent], origin);
      ++duplicates_by_cause_[static_cast<std::size_t>(cause)];
      described.duplicate = true;
      described.cause = cause;
    }
    for (ChargeListener* listener : listeners_) listener->OnCharged(intent, ordinal, amount);
    return described;
  }

  // Before the run: `listener` hears of every charge after it is recorded.
  void AddChargeListener(ChargeListener* listener) {
    assert(listener != nullptr);
    listeners_.push_back(listener);
  }

  // Before the run, when something may refund (a reconciliation job): allocates the
  // per-intent refund counts, so runs without refunds pay nothing for them.
  void EnableRefunds(std::size_t expected_refunds) {
    refunds_per_intent_.assign(charges_per_intent_.size(), 0);
    refunds_.reserve(expected_refunds);
  }

  // Gives back `amount` of charge `ordinal` of `intent`. Recorded as asked, even a
  // refund of a first charge or of a charge refunded before: the invariants judge.
  void Refund(IntentId intent, std::uint32_t ordinal, Money amount) {
    assert(!refunds_per_intent_.empty() && "EnableRefunds first");
    assert(intent < refunds_per_intent_.size());
    refunds_.push_back(RefundRecord{intent, ordinal, amount});
    ++refunds_per_intent_[intent];
    refunded_amount_ += amount;
  }

  std::uint64_t Charges() const { return charges_; }
  std::uint32_t ChargesOf(IntentId intent) const { return charges_per_intent_[intent]; }
  std::span<const std::uint32_t> ChargesPerIntent() const { return charges_per_intent_; }
  const RootCauseCounts& DuplicatesByCause() const { return duplicates_by_cause_; }
  Money ChargedAmount() const { return charged_amount_; }
  Money DuplicateAmount() const { return duplicate_amount_; }  // charges beyond each intent's first
  std::uint64_t StrayCharges() const { return stray_charges_; }
  IntentId FirstStrayIntent() const { return first_stray_intent_; }
  std::span<const RefundRecord> Refunds() const { return refunds_; }  // in the order made
  std::uint32_t RefundsOf(IntentId intent) const {
    return refunds_per_intent_.empty() ? 0 : refunds_per_intent_[intent];
  }
  Money RefundedAmount() const { return refunded_amount_; }
  // What the merchant keeps: every charge minus every refund.
  Money KeptAmount() const { return charged_amount_ - refunded_amount_; }

 private:
  std::vector<std::uint32_t> charges_per_intent_;
  std::vector<ChargeOrigin> first_origin_;
  RootCauseCounts duplicates_by_cause_{};
  std::uint64_t charges_ = 0;
  Money charged_amount_ = 0;
  Money duplicate_amount_ = 0;
  std::uint64_t stray_charges_ = 0;
  IntentId first_stray_intent_ = 0;
  std::vector<ChargeListener*> listeners_;
  std::vector<std::uint32_t> refunds_per_intent_;  // empty until EnableRefunds
  std::vector<RefundRecord> refunds_;
  Money refunded_amount_ = 0;
};

}  // namespace dupsim
