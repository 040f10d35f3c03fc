// Times as `dupsim explain` prints them: a step's offset from the story's first
// tap ("+3.012s", the same in every language, so diagrams line up), and
// durations in sentences ("3 s", "250 ms", "2.5 s"), whose units are words.
#pragma once

#include <string>

#include "sim/engine/virtual_time.h"
#include "sim/explain/explain_text.h"

namespace dupsim {

// "+0.000s", "+3.012s": millisecond precision, as a diagram's time column.
std::string FormatOffset(Time since_first_tap);

// Under a second in whole milliseconds ("250 ms"), under a minute in seconds with the decimals
// it needs ("3 s", "2.5 s", "1.234 s"), then minutes and hours to a tenth ("1.4 min", "26 h").
std::string FormatDuration(Time duration, const ExplainText& text);

}  // namespace dupsim
