#include "sim/run/refund_invariants.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dupsim {
namespace {

std::string ChargeName(const RefundRecord& refund) {
  return "intent " + std::to_string(refund.intent) + " charge #" +
         std::to_string(refund.ordinal + 1);
}

}  // namespace

std::string FirstRefundViolation(const RunBooks& books) {
  Money sum = 0;
  for (const RefundRecord& refund : books.refunds) {
    if (refund.intent >= books.charges_per_intent.size() ||
        refund.ordinal >= books.charges_per_intent[refund.intent]) {
      return ChargeName(refund) + " was refunded but the ledger holds no such charge";
    }
    if (refund.ordinal == 0) {
      return "intent " + std::to_string(refund.intent) +
             ": its first (legitimate) charge was refunded; only duplicates may be";
    }
    if (refund.amount < 0) {
      return ChargeName(refund) + " got a negative refund of " + FormatMoney(refund.amount);
    }
    if (refund.intent < books.amounts.size() && refund.amount > books.amounts[refund.intent]) {
      return ChargeName(refund) + " was refunded " + FormatMoney(refund.amount) +
             ", more than its charge of " + FormatMoney(books.amounts[refund.intent]);
    }
    sum += refund.amount;
  }
  // Sorted (intent, ordinal) keys: a charge refunded twice shows as two equal neighbours.
  std::vector<std::uint64_t> charges;
  charges.reserve(books.refunds.size());
  for (const RefundRecord& refund : books.refunds) {
    charges.push_back((static_cast<std::uint64_t>(refund.intent) << 32) | refund.ordinal);
  }
  std::sort(charges.begin(), charges.end());
  const auto twice = std::adjacent_find(charges.begin(), charges.end());
  if (twice != charges.end()) {
    const RefundRecord refund{static_cast<IntentId>(*twice >> 32),
                              static_cast<std::uint32_t>(*twice & 0xffffffffu), 0};
    return ChargeName(refund) + " was refunded more than once";
  }
  if (sum != books.refunded_amount) {
    return "the ledger's refunds total " + FormatMoney(books.refunded_amount) +
           " but its refund records sum to " + FormatMoney(sum);
  }
  return {};
}

}  // namespace dupsim
