#include "reports/percent_format.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dupsim {
namespace {

// Deep enough for one event in 10^12 trials; nothing rarer is simulated.
constexpr int kMaxDecimals = 14;

std::string Printf(const char* format, int decimals, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, decimals, value);
  return buf;
}

// "1.21": a count per intent, two decimals like the percentages.
std::string FormatPerIntent(double value) {
  return Printf("%.*f", 2, value);
}

}  // namespace

bool ReadsPerIntent(const RateEstimate& estimate) {
  return estimate.trials > 0 && (estimate.rate > 1 || estimate.ci95.high > 1);
}

std::string FormatPercent(double fraction) {
  const double percent = fraction * 100.0;
  if (percent <= 0) return "0";
  if (fraction == 1.0) return "100";
  int decimals = 2;
  if (percent < 1.0) {
    // The exponent after rounding to two significant digits, so 0.00999 gives
    // "0.010" rather than "0.0100".
    const std::string scientific = Printf("%.*e", 1, percent);
    const int exponent = std::atoi(scientific.c_str() + scientific.find('e') + 1);
    decimals = std::clamp(1 - exponent, 2, kMaxDecimals);
  }
  return Printf("%.*f", decimals, percent);
}

std::string FormatRate(const RateEstimate& estimate) {
  if (estimate.trials == 0) return "-";
  if (ReadsPerIntent(estimate)) return FormatPerIntent(estimate.rate) + " per intent";
  return FormatPercent(estimate.rate) + "%";
}

std::string FormatInterval(const RateEstimate& estimate) {
  if (estimate.trials == 0) return "";
  if (ReadsPerIntent(estimate)) {
    std::string out = "(";
    out += FormatPerIntent(estimate.ci95.low);
    out += '-';
    out += FormatPerIntent(estimate.ci95.high);
    out += ')';
    return out;
  }
  // Appended piecewise: `"(" + std::string&&` trips GCC 12's false -Wrestrict.
  std::string out = "(";
  out += FormatPercent(estimate.ci95.low);
  out += '-';
  out += FormatPercent(estimate.ci95.high);
  out += "%)";
  return out;
}

std::string FormatRateWithInterval(const RateEstimate& estimate) {
  if (estimate.trials == 0) return "-";
  return FormatRate(estimate) + " " + FormatInterval(estimate);
}

}  // namespace dupsim
