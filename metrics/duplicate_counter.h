// Counts duplicates from the ledger's ground truth: for each intent, every
// charge beyond the first is a duplicate, and an intent with none is lost.
#pragma once

#include <cstdint>
#include <span>

namespace dupsim {

struct DuplicateCount {
  std::uint64_t intents = 0;
  std::uint64_t charges = 0;
  std::uint64_t duplicate_charges = 0;
  // Sum over intents of (duplicates of that intent)^2: with duplicate_charges, the spread of
  // duplicates per intent that their interval needs.
  std::uint64_t duplicate_square_sum = 0;
  std::uint64_t intents_with_duplicates = 0;
  std::uint64_t lost_payments = 0;
};

DuplicateCount CountDuplicates(std::span<const std::uint32_t> charges_per_intent);

}  // namespace dupsim
