// Which of a scenario's knobs never fired in a run: every mechanism the
// scenario configures (a probability > 0, more than one attempt, a crash
// schedule) whose RunResult counter stayed 0. A user who asked for pay-agains
// and got none should hear that their requirement was not exercised, rather
// than read "0 duplicates" as a result about pay-agains.
#pragma once

#include <vector>

#include "metrics/idle_mechanism.h"
#include "metrics/run_result.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

// The mechanisms `scenario` configures that did nothing in `result` (a run of it), in a
// fixed order: the user's, the client's, the server's, the proxy's, the notification's,
// then after the fact. Judged per result: refunds and support contacts count as idle only
// when the run had duplicates for them to act on.
std::vector<IdleMechanism> IdleMechanisms(const Scenario& scenario, const RunResult& result);

}  // namespace dupsim
