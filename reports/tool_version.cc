#include "reports/tool_version.h"

#ifndef DUPSIM_VERSION
#error "DUPSIM_VERSION comes from reports/CMakeLists.txt"
#endif

namespace dupsim {

std::string_view ToolVersion() {
  return DUPSIM_VERSION;
}

}  // namespace dupsim
