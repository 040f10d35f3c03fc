// The order people expect file names in, as file managers sort them:
// `retry_2` before `retry_10`, and `retry_500ms` before `retry_3s`, which a
// byte-wise sort gets wrong (`dupsim run DIR` runs a directory's scenarios in
// this order).
//
// The rule. A name is split into text and numbers. A number is a run of
// digits, or a duration as scenarios write one (`500ms`, `1.5s`, `2m`: digits,
// an optional fraction, and a unit us, ms, s, m, min or h not followed by
// another letter). Text compares byte by byte; two plain numbers compare by
// value (`007` = `7`); two durations compare by the time they stand for
// (`500ms` < `3s`, `60s` = `1m`); a plain number sorts before a duration, so
// the order stays consistent when a directory mixes both. Names equal by this
// rule (`7` and `007`) fall back to byte order, so the order is total.
#pragma once

#include <string_view>

namespace dupsim {

// Whether `a` comes before `b` in natural order; a strict total order for std::sort.
bool NaturalLess(std::string_view a, std::string_view b);

}  // namespace dupsim
