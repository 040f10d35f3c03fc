// What `dupsim check` concludes from results: every `expect:` bound judged, and
// each run compared with its baseline run. Separate from the command so tests
// can judge results of strategies built in code (e.g. broken on purpose).
#pragma once

#include <vector>

#include "reports/report.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

// Appends the verdict of every expectation of every run to report.check.expectations, in
// (scenario, strategy, expectation) order. Precondition: report.results holds the runs of
// `scenarios` in RunAll's order.
void JudgeExpectations(const std::vector<Scenario>& scenarios, Report& report);

// Compares each run of `report` with its baseline run: same scenario name (source paths
// differ between machines) and same strategy label; failing that, the scenario's one run of
// the same strategy under other parameters (a changed default, a weakened option), if each
// side has exactly one. Runs without one go to report.check.not_in_baseline. A run whose
// scenario fingerprint differs from its baseline run's is compared only with
// `compare_changed`; its scenario goes to report.check.changed_scenarios either way. A
// baseline run without a fingerprint (an older report) is compared, and its scenario noted
// in report.check.without_fingerprint.
void CompareWithBaseline(const Report& baseline, double confidence, bool compare_changed,
                         Report& report);

}  // namespace dupsim
