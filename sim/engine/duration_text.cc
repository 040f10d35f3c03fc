#include "sim/engine/duration_text.h"

#include <cmath>
#include <cstdio>

namespace dupsim {

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
