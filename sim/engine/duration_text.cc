#include "sim/engine/duration_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dupsim {
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

std::string DurationInLargestExactUnit(Time duration) {
  struct Unit {
    Time size;
    const char* name;
  };
  static constexpr Unit kUnits[] = {
      {kHour, "h"}, {kMinute, "m"}, {kSecond, "s"}, {kMillisecond, "ms"}, {kMicrosecond, "us"}};
  if (duration == 0) return "0";
  for (const Unit& u : kUnits) {
    if (duration % u.size == 0) return std::to_string(duration / u.size) + u.name;
  }
  return std::to_string(duration) + "us";
}

std::string DurationMillisToHoursInWords(Time duration, const DurationUnitWords& words) {
  const long long ms = static_cast<long long>((duration + kMillisecond / 2) / kMillisecond);
  const double seconds = static_cast<double>(ms) / 1000;
  if (std::llabs(ms) < 1000) return std::to_string(ms) + std::string(words.milliseconds);
  if (std::abs(seconds) < 60) return Trimmed(seconds, 3) + std::string(words.seconds);
  if (std::abs(seconds) < 3600) return Trimmed(seconds / 60, 1) + std::string(words.minutes);
  return Trimmed(seconds / 3600, 1) + std::string(words.hours);
}

std::string SignedDurationSecondsThreeDecimals(Time duration) {
  const Time ms = (duration + kMillisecond / 2) / kMillisecond;
  char out[40];
  std::snprintf(out, sizeof out, "%s%lld.%03llds", ms < 0 ? "-" : "+",
                static_cast<long long>(std::llabs(ms) / 1000),
                static_cast<long long>(std::llabs(ms) % 1000));
  return out;
}

std::string DurationInWholeUnits(double microseconds) {
  char text[32];
  if (microseconds >= kSecond) {
    std::snprintf(text, sizeof text, "%.0fs", microseconds / kSecond);
  } else if (microseconds >= kMillisecond) {
    std::snprintf(text, sizeof text, "%.0fms", microseconds / kMillisecond);
  } else {
    std::snprintf(text, sizeof text, "%.0f\u00B5s", microseconds);
  }
  return text;
}

std::string DurationMicrosToHours(Time duration) {
  char text[32];
  const auto t = static_cast<double>(duration);
  if (duration < kMillisecond) {
    std::snprintf(text, sizeof text, "%.0f\u00B5s", t);
  } else if (duration < 10 * kMillisecond) {
    std::snprintf(text, sizeof text, "%.1fms", t / kMillisecond);
  } else if (duration < kSecond) {
    std::snprintf(text, sizeof text, "%.0fms", t / kMillisecond);
  } else if (duration < kMinute) {
    std::snprintf(text, sizeof text, "%.2fs", t / kSecond);
  } else if (duration < kHour) {
    std::snprintf(text, sizeof text, "%.1fmin", t / kMinute);
  } else {
    std::snprintf(text, sizeof text, "%.1fh", t / kHour);
  }
  return text;
}

std::string SignedDurationMillisOrSeconds(Time delta, std::string_view minus) {
  char text[32];
  const double magnitude = static_cast<double>(delta < 0 ? -delta : delta);
  if (magnitude >= static_cast<double>(kSecond)) {
    std::snprintf(text, sizeof text, "%.2fs", magnitude / kSecond);
  } else {
    std::snprintf(text, sizeof text, "%.1fms", magnitude / kMillisecond);
  }
  return (delta < 0 ? std::string(minus) : std::string("+")) + text;
}

std::string SignedDurationMillisOneDecimal(Time delta, std::string_view unit) {
  char text[32];
  const double ms = static_cast<double>(delta) / kMillisecond;
  std::snprintf(text, sizeof text, "%+.1f", std::abs(ms) < 0.05 ? 0.0 : ms);
  return text + std::string(unit);
}

std::string DurationSecondsToHours(Time span) {
  char text[32];
  const auto x = static_cast<double>(span);
  if (span >= kHour) {
    std::snprintf(text, sizeof text, "%.1fh", x / kHour);
  } else if (span >= kMinute) {
    std::snprintf(text, sizeof text, "%.1fm", x / kMinute);
  } else {
    std::snprintf(text, sizeof text, "%.2fs", x / kSecond);
  }
  return text;
}

std::string DurationThreeDigits(double microseconds) {
  char text[48];
  const double magnitude = std::fabs(microseconds);
  if (magnitude >= static_cast<double>(kHour)) {
    std::snprintf(text, sizeof text, "%.3gh", microseconds / kHour);
  } else if (magnitude >= static_cast<double>(kMinute)) {
    std::snprintf(text, sizeof text, "%.3gm", microseconds / kMinute);
  } else if (magnitude >= static_cast<double>(kSecond)) {
    std::snprintf(text, sizeof text, "%.3gs", microseconds / kSecond);
  } else {
    std::snprintf(text, sizeof text, "%.3gms", microseconds / kMillisecond);
  }
  return text;
}

std::string DurationThreeDigitsBelowAMinute(Time duration) {
  const Time magnitude = duration < 0 ? -duration : duration;
  if (magnitude >= kMinute) return DurationSecondsToHours(magnitude);
  return DurationThreeDigits(static_cast<double>(magnitude));
}

}  // namespace dupsim
