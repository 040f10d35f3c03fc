#include "sim/input/input_error.h"

#include <sstream>

namespace dupsim {

InputError InputError::At(const SourcePos& pos, std::string_view key_path,
                          std::string_view message) {
  // A stream rather than string +=: GCC 12 raises a false -Wrestrict on the latter (PR105329).
  std::ostringstream line;
  line << pos.file;
  if (pos.line > 0) line << ':' << pos.line << ':' << pos.column;
  if (!pos.file.empty()) line << ": ";
  if (!key_path.empty()) line << key_path << ": ";
  line << message;
  return InputError(line.str());
}

}  // namespace dupsim
