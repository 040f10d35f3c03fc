// The words every format uses for a check's verdicts, so the terminal, the
// Markdown summary, JUnit and HTML say the same thing:
//   ✓ double_tap / idempotency_key: duplicate_rate 0% (0-0.0038%), max: 0.01%
//   ✗ double_tap / none: duplicate_rate 2.88% (2.78-2.98%), max: 1%: over the bound
//   ? slow / key: duplicate_rate 0.031% (0.022-0.044%), max: 0.04%: inconclusive; about
//     420000 intents would decide it
//   ✗ regression double_tap / none: duplicate_rate 2.88% (2.78-2.98%), baseline 1.20%
//     (1.14-1.27%), p = 3.1e-12
#pragma once

#include <string>
#include <string_view>

#include "reports/report.h"

namespace dupsim {

std::string_view VerdictMark(Verdict verdict);  // "✓", "✗", "?"
std::string_view ChangeMark(Change change);     // "✗" regression, "✓" improvement, "=" none

// "double_tap / idempotency_key"
std::string RunName(const std::string& scenario, const std::string& strategy_config);

// The measured figure with its interval for rates: "0.031% (0.022-0.044%)", "2.35s".
std::string MeasuredText(const ExpectationResult& result);

// Everything after the mark: "double_tap / none: duplicate_rate 2.88% (2.78-2.98%), max: 1%:
// over the bound".
std::string ExpectationText(const ExpectationResult& result);

// Everything after the mark: "regression double_tap / none: duplicate_rate 2.88% (...),
// baseline 1.20% (...), p = 3.1e-12".
std::string ComparisonText(const BaselineComparison& comparison);

// "12 passed, 1 failed, 2 inconclusive; 1 regression, 3 improvements", then "; 1 scenario
// changed since the baseline" when one did.
std::string CheckSummaryText(const CheckOutcome& check);

}  // namespace dupsim
