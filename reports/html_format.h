// Counts as the HTML report prints them: for reading, not for scripts (the JSON format is for
// those), so they are grouped. Times are printed by sim/engine/duration_text.h.
#pragma once

#include <cstdint>
#include <string>

namespace dupsim {

// 1234567 -> "1,234,567".
std::string GroupThousands(std::uint64_t count);

}  // namespace dupsim
