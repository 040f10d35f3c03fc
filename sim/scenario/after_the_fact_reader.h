// Reads the scenario sections about what happens after a duplicate is charged:
// `reconciliation` (the job that finds and refunds duplicates; present means
// on) and `support` (users who notice a duplicate and contact support). Keys,
// defaults and ranges are documented in scenarios/README.md.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// The job's defaults, off: a daily batch (found up to a day later) and consumer refunds of 1-3
// days. A strategy that turns reconciliation on (reconcile_and_refund) runs it with these.
ReconcilerOptions DefaultReconciliation();

// An enabled reconciliation job with the keys given in `value`, defaults for the rest.
// Throws InputError for an unknown, repeated or missing key and for a bad value.
ReconcilerOptions ReadReconciliation(const YamlValue& value);

// The support section with the keys given in `value`, defaults for the rest.
SupportDeskOptions ReadSupport(const YamlValue& value);

}  // namespace dupsim
