// The words for knobs that never fired (metrics/idle_mechanism.h), one note per
// scenario or per strategy:
//   note, every strategy: configured but never fired: retries (client.retry.max_attempts 3)
//   note, idempotency_key: configured but never fired: refunds (reconciliation on)
#pragma once

#include <span>
#include <string>
#include <vector>

#include "metrics/idle_mechanism.h"
#include "metrics/run_result.h"

namespace dupsim {

// "retries (client.retry.max_attempts 3), pay-agains (user.pay_again_without_confirmation 0.3)"
std::string IdleMechanismList(const std::vector<IdleMechanism>& idle);

// The note lines (without indent or newline) for the runs of one scenario: one line for
// every strategy when there are several and all share the same non-empty list, otherwise
// one line per run with a non-empty list, named by its strategy_config. None when nothing
// was idle.
std::vector<std::string> IdleMechanismNotes(std::span<const RunResult> runs);

}  // namespace dupsim
