// The single error type for bad input: a malformed scenario, an unknown
// strategy, a wrong flag. Its message is already the one line a user sees,
// "file:line:column: key.path: what is wrong", and the CLI turns it into exit
// status 2. Positions are 1-based; 0 means the position is unknown.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace dupsim {

struct SourcePos {
  std::string file;  // a path, "<bundled>/name.yaml", or a flag such as "--strategy"
  int line = 0;      // 1-based; 0 when the source has no lines (a flag)
  int column = 0;    // 1-based
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& line) : std::runtime_error(line) {}

  // "file:line:column: key.path: message"; parts that are unknown are left out.
  static InputError At(const SourcePos& pos, std::string_view key_path, std::string_view message);
};

}  // namespace dupsim
