// Told of every charge the ledger commits, in commit order, so parties that act
// "after the fact" (the reconciliation job, users checking their statements)
// learn about duplicates the way a real back office does: from the books, not
// from the request path.
#pragma once

#include <cstdint>

#include "sim/input/money.h"
#include "sim/model/ids.h"

namespace dupsim {

class ChargeListener {
 public:
  // `ordinal` numbers the charges of one intent from 0: 0 is its first (legitimate)
  // charge, every later one is a duplicate. (intent, ordinal) names one charge.
  virtual void OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) = 0;

 protected:
  ~ChargeListener() = default;
};

}  // namespace dupsim
