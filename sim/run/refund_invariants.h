// The refund part of a run's books (sim/run/invariant_checker.h). Refunds are
// where "after the fact" fixes can go wrong in ways the money total alone does
// not show: refunding a legitimate payment, refunding one duplicate twice, or
// giving back more than was taken. Checked after the last event:
//
//  a. every refund names a charge the ledger holds (an intent of the run, and an
//     ordinal below that intent's number of charges);
//  b. no refund touches an intent's first charge: only duplicates are refunded;
//  c. no charge is refunded twice;
//  d. no refund is negative or more than its charge (the intent's amount);
//  e. the ledger's running refunded total equals the sum of its refund records.
//
// Together they mean 0 <= refunded <= duplicated: the merchant keeps every
// intended payment in full and never more than the unrefunded duplicates.
#pragma once

#include <string>

#include "sim/run/invariant_checker.h"

namespace dupsim {

// The first broken refund rule, as a message naming the intent; empty when all hold.
std::string FirstRefundViolation(const RunBooks& books);

}  // namespace dupsim
