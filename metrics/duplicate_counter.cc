#include "metrics/duplicate_counter.h"

namespace dupsim {

DuplicateCount CountDuplicates(std::span<const std::uint32_t> charges_per_intent) {
  DuplicateCount c;
  c.intents = charges_per_intent.size();
  for (std::uint32_t n : charges_per_intent) {
    c.charges += n;
    if (n == 0) ++c.lost_payments;
    if (n > 1) {
      c.duplicate_charges += n - 1;
      c.duplicate_square_sum += static_cast<std::uint64_t>(n - 1) * (n - 1);
      ++c.intents_with_duplicates;
    }
  }
  return c;
}

}  // namespace dupsim
