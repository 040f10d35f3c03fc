// Every way dupsim prints a span of virtual time, in one place, each named for how it
// prints. They differ on purpose (a parameter must read back exactly, a chart tick wants
// whole units, a verdict three significant digits, a cost column a fixed number of
// decimals, a sentence of `dupsim explain` its language's words), and a golden file or a doc
// block shows each, so a new place that prints a time picks one of these rather than writing
// its own. In sim/engine, the lowest layer, because the engine prints one itself
// (Distribution::Describe()) and every layer above can reach it; a function that speaks a
// language takes its words as a parameter, so the words stay in sim/explain's tables.
#pragma once

#include <string>
#include <string_view>

#include "sim/engine/virtual_time.h"

namespace dupsim {

// Exact, for parameters: a whole number of the largest unit that divides it, so the text
// reads back as the same time (a distribution's Describe(), a strategy's label, a scenario's
// fingerprint): "250ms", "3s", "1500ms", "2m", "1h", "7us", "0".
std::string DurationInLargestExactUnit(Time duration);

// The words a language puts after a number of each unit, each with the space it puts before
// them: {" ms", " s", " min", " h"} in English, {" 毫秒", " 秒", " 分钟", " 小时"} in Chinese.
struct DurationUnitWords {
  std::string_view milliseconds, seconds, minutes, hours;
};

// For sentences, in `words`: rounded to the millisecond, under a second in whole milliseconds
// ("250 ms"), under a minute in seconds with the decimals it needs ("3 s", "2.5 s",
// "1.234 s"), then minutes and hours to a tenth, trailing zeros dropped ("1.4 min", "26 h").
// For waits, which are never negative: a negative time rounds toward zero.
std::string DurationMillisToHoursInWords(Time duration, const DurationUnitWords& words);

// Signed seconds to the millisecond, for a diagram's time column (a step's offset from the
// story's first tap): "+0.000s", "+3.012s". The same in every language, so diagrams line up.
// No step comes before the first tap: a negative time rounds toward zero (-1ms is "+0.000s").
std::string SignedDurationSecondsThreeDecimals(Time duration);

// Whole units, for chart ticks (whole multiples of their unit): 500 -> "500µs", 20'000 ->
// "20ms", 2'000'000 -> "2s", 120'000'000 -> "120s".
std::string DurationInWholeUnits(double microseconds);

// From microseconds up to hours, for reading: "850µs", "4.2ms", "140ms", "2.35s", "3.5min",
// "36.0h".
std::string DurationMicrosToHours(Time duration);

// Signed, in milliseconds with one decimal or seconds with two: "+3.02s", "−120.5ms",
// "+0.0ms". `minus` is what a negative one starts with: the HTML report uses U+2212, the
// typographic one, so that "+" and "−" line up in a column; the plain-text table uses "-".
std::string SignedDurationMillisOrSeconds(Time delta, std::string_view minus = "\u2212");

// Signed, in milliseconds with one decimal however long, then `unit`: "+0.1ms", "-13.8ms",
// "+2500.0ms"; what rounds to 0.0 is no difference, "+0.0ms", never "-0.0ms". For `dupsim
// explain`'s counterfactual table, whose languages write the unit differently (" 毫秒").
std::string SignedDurationMillisOneDecimal(Time delta, std::string_view unit = "ms");

// Seconds with two decimals, minutes and hours with one: "3.02s", "12.0m", "58.7h".
std::string DurationSecondsToHours(Time span);

// Three significant digits in the largest unit that keeps them below 1000, keeping the sign:
// "140ms", "2.35s", "12.5m", "36h".
std::string DurationThreeDigits(double microseconds);

// The magnitude, three significant digits below a minute and one decimal from a minute up
// (as DurationSecondsToHours): "140ms", "2.35s", "12.5m", "36.0h".
std::string DurationThreeDigitsBelowAMinute(Time duration);

}  // namespace dupsim
