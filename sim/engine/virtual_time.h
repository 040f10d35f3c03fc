// Virtual time for the simulator: a signed 64-bit count of microseconds since a
// run began. Nothing inside a simulation reads a wall clock; integer time keeps
// runs exact and byte-identical across machines (no float drift in ordering).
#pragma once

#include <cstdint>

namespace dupsim {

using Time = std::int64_t;  // microseconds since the start of the run

inline constexpr Time kMicrosecond = 1;
inline constexpr Time kMillisecond = 1000 * kMicrosecond;
inline constexpr Time kSecond = 1000 * kMillisecond;
inline constexpr Time kMinute = 60 * kSecond;
inline constexpr Time kHour = 60 * kMinute;

}  // namespace dupsim
