// Numbers as the HTML report (and, for latency deltas and spans, the table and Markdown) prints
// them: for reading, not for scripts (the JSON format is for those), so counts are grouped and
// times carry units.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/engine/virtual_time.h"

namespace dupsim {

// 1234567 -> "1,234,567".
std::string GroupThousands(std::uint64_t count);

// A time-axis tick: 500 -> "500µs", 20'000 -> "20ms", 2'000'000 -> "2s", 120'000'000 ->
// "120s". Ticks are whole multiples of their unit, so no decimals are needed.
std::string FormatTimeTick(double microseconds);

// A duration for reading: "850µs", "4.2ms", "140ms", "2.35s", "3.5min", "36.0h".
std::string FormatReadableDuration(Time duration);

// A latency difference, signed: "+3.02s", "−120.5ms", "+0.0ms". `minus` is what a negative
// one starts with: the HTML report uses U+2212, the typographic one, so that "+" and "−" line
// up in a column; the plain-text table uses "-".
std::string FormatTimeDelta(Time delta, std::string_view minus = "\u2212");

// A positive span in the largest unit that keeps it readable: "58.7h", "12.0m", "3.02s"; the
// table and the Markdown report print refund times with it, so both round alike.
std::string FormatTimeSpan(Time span);

}  // namespace dupsim
