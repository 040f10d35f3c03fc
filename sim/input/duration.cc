#include "sim/input/duration.h"

#include <cctype>
#include <cstdint>

namespace dupsim {

std::optional<Time> ParseDuration(std::string_view text, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<Time> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!text.empty() && text.front() == '-') return fail("negative duration");
  std::size_t i = 0;
  std::uint64_t whole = 0;
  std::uint64_t frac = 0;
  std::uint64_t frac_scale = 1;
  bool digits = false;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (whole > (1ULL << 50)) return fail("duration too large");
    digits = true;
    ++i;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (frac_scale < 1'000'000'000'000ULL) {
        frac = frac * 10 + static_cast<std::uint64_t>(text[i] - '0');
        frac_scale *= 10;
      }
      digits = true;
      ++i;
    }
  }
  if (!digits) return fail("expected a duration such as 250ms, 3s or 2m");
  const std::string_view unit = text.substr(i);
  Time scale;
  if (unit == "us") {
    scale = kMicrosecond;
  } else if (unit == "ms") {
    scale = kMillisecond;
  } else if (unit == "s") {
    scale = kSecond;
  } else if (unit == "m" || unit == "min") {
    scale = kMinute;
  } else if (unit == "h") {
    scale = kHour;
  } else if (unit.empty()) {
    if (whole == 0 && frac == 0) return Time{0};
    return fail("missing unit (us, ms, s, m, h)");
  } else {
    return fail("unknown unit (use us, ms, s, m, h)");
  }
  const auto s = static_cast<std::uint64_t>(scale);
  if (whole > static_cast<std::uint64_t>(INT64_MAX) / s / 2) return fail("duration too large");
  const std::uint64_t frac_us = frac * s;
  if (frac_us % frac_scale != 0) return fail("finer than one microsecond");
  return static_cast<Time>(whole * s + frac_us / frac_scale);
}

}  // namespace dupsim
