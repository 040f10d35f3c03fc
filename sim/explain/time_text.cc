#include "sim/explain/time_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dupsim {

std::string FormatOffset(Time since_first_tap) {
  const Time ms = (since_first_tap + kMillisecond / 2) / kMillisecond;
  char out[40];
  std::snprintf(out, sizeof out, "%s%lld.%03llds", ms < 0 ? "-" : "+",
                static_cast<long long>(std::llabs(ms) / 1000),
                static_cast<long long>(std::llabs(ms) % 1000));
  return out;
}

namespace {

// "2.500" reads "2.5", "3.000" reads "3".
std::string Trimmed(double value, int decimals) {
  char number[48];
  std::snprintf(number, sizeof number, "%.*f", decimals, value);
  std::string n = number;
  if (n.find('.') == std::string::npos) return n;
  while (n.back() == '0') n.pop_back();
  if (n.back() == '.') n.pop_back();
  return n;
}

}  // namespace

std::string FormatDuration(Time duration, const ExplainText& text) {
  const long long ms = static_cast<long long>((duration + kMillisecond / 2) / kMillisecond);
  const double seconds = static_cast<double>(ms) / 1000;
  if (std::llabs(ms) < 1000) return Fill(text.milliseconds, {{"n", std::to_string(ms)}});
  if (std::abs(seconds) < 60) return Fill(text.seconds, {{"n", Trimmed(seconds, 3)}});
  if (std::abs(seconds) < 3600) return Fill(text.minutes, {{"n", Trimmed(seconds / 60, 1)}});
  return Fill(text.hours, {{"n", Trimmed(seconds / 3600, 1)}});
}

}  // namespace dupsim
