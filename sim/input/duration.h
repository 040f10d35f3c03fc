// Durations as people write them in scenarios and flags: "250ms", "3s", "1.5s",
// "2m", "1h", "750us", or a bare "0". Parsed exactly (no floating point), so
// "0.1s" is 100000 us, not 99999.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/engine/virtual_time.h"

namespace dupsim {

// The duration, or nullopt with `why` set to a short reason
// ("missing unit (us, ms, s, m, h)", "negative duration", ...).
std::optional<Time> ParseDuration(std::string_view text, std::string* why);

}  // namespace dupsim
