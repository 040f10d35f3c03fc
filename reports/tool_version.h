// The version of dupsim, as set by `project(dupsim VERSION ...)` in the top
// CMakeLists.txt. Reports carry it so a result can be traced to the code.
#pragma once

#include <string_view>

namespace dupsim {

inline constexpr std::string_view kToolName = "dupsim";

std::string_view ToolVersion();  // "0.1.0"

}  // namespace dupsim
