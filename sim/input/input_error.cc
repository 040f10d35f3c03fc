#include "sim/input/input_error.h"

namespace dupsim {

InputError InputError::At(const SourcePos& pos, std::string_view key_path,
                          std::string_view message) {
  std::string line = pos.file;
  if (pos.line > 0) line += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  if (!line.empty()) line += ": ";
  if (!key_path.empty()) {
    line += key_path;
    line += ": ";
  }
  line += message;
  return InputError(line);
}

}  // namespace dupsim
