// A hand-built Report for the report tests: two scenarios, a large rate, a
// zero count and a tiny rate, with every counter set to a distinct value so a
// field rendered from the wrong member shows up in the golden output.
#pragma once

#include "reports/report.h"

namespace dupsim {

Report SampleReport();

// The same results as `dupsim check` reports them: expectations that pass, fail and are
// inconclusive, and a baseline with a regression, an improvement and a run it lacks.
Report SampleCheckedReport();

}  // namespace dupsim
