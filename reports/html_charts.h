// The charts of one scenario in the HTML report, each a <figure> holding an
// inline SVG chart, its caption and, where colours carry meaning, an HTML
// legend (HTML text wraps; long strategy names would not fit an SVG legend).
// Every chart takes the scenario's runs in report order.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "metrics/run_result.h"

namespace dupsim {

// The fill of the duplicate-rate bars: a colour no other chart uses, so a screenshot test
// can find the bars by their pixels.
inline constexpr std::string_view kDuplicateRateBarColour = "#6366f1";

// A fixed colour per root cause, the same in every scenario and every report.
std::string_view RootCauseColour(RootCause cause);

// Horizontal bars of the duplicate rate per strategy with their 95% intervals as error
// bars, on a percent axis starting at 0.
void WriteDuplicateRateChart(const std::vector<const RunResult*>& runs, std::ostream& out);

// Horizontal bars of duplicate charges per strategy, stacked by root cause, with a legend
// of the causes that occur. A note instead of a chart when no strategy let a duplicate by.
void WriteRootCauseChart(const std::vector<const RunResult*>& runs, std::ostream& out);

// The distribution of the time to confirmation, one line per strategy, on a logarithmic
// time axis. Strategies that confirmed nobody have no line and are named under the chart.
void WriteConfirmationCdfChart(const std::vector<const RunResult*>& runs, std::ostream& out);

}  // namespace dupsim
