// Reads back what `--format json` wrote, so saved results can be re-rendered in
// any format (`dupsim report`) and serve as a baseline (`dupsim check
// --baseline`). Rates and their intervals are recomputed from the counts, so a
// report read back renders byte-identical JSON. Bad input (not JSON, another
// tool's file, a missing or mistyped field) is an InputError naming the file,
// and the line and column or the field's path.
#pragma once

#include <string>

#include "reports/report.h"

namespace dupsim {

Report ReadJsonReport(const std::string& text, const std::string& source_name);
Report ReadJsonReportFile(const std::string& path);

}  // namespace dupsim
