#include "sim/run/invariant_checker.h"

#include "sim/run/refund_invariants.h"

namespace dupsim {

void CheckInvariants(const RunBooks& books, const std::string& context) {
  auto fail = [&](const std::string& what) { throw InvariantViolation(context + ": " + what); };
  if (books.stray_charges > 0) {
    fail(std::to_string(books.stray_charges) + " charge(s) for intent " +
         std::to_string(books.first_stray_intent) + ", which this run never created");
  }
  std::uint64_t sum = 0;
  for (std::uint32_t n : books.charges_per_intent) sum += n;
  if (sum != books.charges) {
    fail("the ledger holds " + std::to_string(books.charges) + " charges but its intents sum to " +
         std::to_string(sum));
  }
  const std::size_t intents = books.charges_per_intent.size();
  Money intended = 0;
  for (std::size_t i = 0; i < intents; ++i) {
    if (books.charges_per_intent[i] > 0) {
      if (i < books.amounts.size()) intended += books.amounts[i];
      continue;
    }
    if (i < books.acknowledged.size() && books.acknowledged[i]) {
      fail("intent " + std::to_string(i) +
           " was shown as paid by the app but has no charge in the ledger");
    }
    if (i < books.confirmed.size() && books.confirmed[i]) {
      fail("intent " + std::to_string(i) +
           " was confirmed to its user but has no charge in the ledger");
    }
  }
  if (const std::string refund = FirstRefundViolation(books); !refund.empty()) fail(refund);
  if (!books.amounts.empty() &&
      books.charged_amount != intended + books.duplicate_amount - books.refunded_amount) {
    fail("money does not balance: charged " + FormatMoney(books.charged_amount) + " != intended " +
         FormatMoney(intended) + " + duplicated " + FormatMoney(books.duplicate_amount) +
         " - refunded " + FormatMoney(books.refunded_amount));
  }
}

}  // namespace dupsim
