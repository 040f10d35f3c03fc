// The books every run must balance, checked after the last event in the
// manner of Jepsen's bank test: a violated invariant means the simulator (or a
// strategy) is wrong, so the run fails loudly, naming the intent, instead of
// reporting a number that cannot be trusted.
//
//  1. every charge belongs to an intent of this run (no charge without an intent);
//  2. the ledger's total equals the sum of its per-intent counts;
//  3. every intent whose app showed success, or whose user was told they paid,
//     has at least one charge (no acknowledged payment missing from the ledger);
//  4. money: total charged = intended + duplicated - refunded, where "charged" is
//     the money the ledger keeps (every charge minus every refund), "intended"
//     is the amount of every intent charged at least once, and "refunded" is the
//     ledger's refunded total, itself re-summed from its refund records;
//  5. refunds: only duplicate charges, each at most once and by at most its
//     amount (sim/run/refund_invariants.h).
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

#include "fakes/refund_record.h"
#include "sim/input/money.h"

namespace dupsim {

class InvariantViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RunBooks {
  std::span<const std::uint32_t> charges_per_intent{};  // from the ledger
  std::uint64_t charges = 0;                            // the ledger's running total
  std::uint64_t stray_charges = 0;                      // charges naming no intent of the run
  std::uint64_t first_stray_intent = 0;
  std::span<const std::uint8_t> acknowledged{};  // per intent: the app showed success
  std::span<const std::uint8_t> confirmed{};     // per intent: the user learned they paid
  std::span<const Money> amounts{};              // per intent: what it was meant to pay
  Money charged_amount = 0;    // the money the ledger keeps: every charge minus every refund
  Money duplicate_amount = 0;  // charges beyond each intent's first
  Money refunded_amount = 0;   // the ledger's running total of money given back
  std::span<const RefundRecord> refunds{};  // every refund the ledger recorded
};

// Throws InvariantViolation("<context>: intent 17 ...") for the first broken invariant.
void CheckInvariants(const RunBooks& books, const std::string& context);

}  // namespace dupsim
