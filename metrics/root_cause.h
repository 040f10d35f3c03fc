// Why a duplicate charge happened. Every charge carries its origin (which
// checkout page, which tap, which attempt, whether the network copied it);
// a duplicate's root cause is the first way its origin differs from the origin
// of the intent's first charge, outermost first: a retry of a second tap is a
// double tap, because without the tap there would have been nothing to retry.
// When a server-side dedup saw the key and still let the request through
// (DedupMiss), that miss is the cause: the repeat was the kind it exists to stop.
#pragma once

#include <string_view>

#include "sim/model/charge_origin.h"

namespace dupsim {

// The snake_case name used in reports: "double_tap", "client_retry", ...
std::string_view RootCauseName(RootCause cause);

// Precondition: `duplicate` was charged for the same intent after `first`.
RootCause ClassifyDuplicate(const ChargeOrigin& first, const ChargeOrigin& duplicate);

}  // namespace dupsim
