// One refund as the ledger recorded it: which charge (an intent and the
// charge's ordinal within it, 0 being the intent's first) and how much. The
// ledger records whatever it is asked to; the run's invariants
// (sim/run/refund_invariants.h) judge whether the refunds make sense.
#pragma once

#include <cstdint>

#include "sim/input/money.h"
#include "sim/model/ids.h"

namespace dupsim {

struct RefundRecord {
  IntentId intent = 0;
  std::uint32_t ordinal = 0;  // the refunded charge: 0 = the intent's first charge
  Money amount = 0;           // cents given back
};

}  // namespace dupsim
