// A subcommand of `dupsim` (run, list, validate). Each lives in its own file;
// the dispatcher finds them by name in Commands(). A command writes its output
// to `out` and reports bad input by throwing InputError; the dispatcher turns
// that into the one-line error and exit status 2.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dupsim {

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `dupsim --help`
  // `args` follow the command's name. Returns the exit status.
  int (*run)(const std::vector<std::string>& args, std::ostream& out);
};

int RunCommand(const std::vector<std::string>& args, std::ostream& out);
int CheckCommand(const std::vector<std::string>& args, std::ostream& out);
int ReportCommand(const std::vector<std::string>& args, std::ostream& out);
int ListCommand(const std::vector<std::string>& args, std::ostream& out);
int ValidateCommand(const std::vector<std::string>& args, std::ostream& out);
int TraceCommand(const std::vector<std::string>& args, std::ostream& out);
int ExplainCommand(const std::vector<std::string>& args, std::ostream& out);

// Every command, in the order `dupsim --help` lists them.
std::span<const Command> Commands();
const Command* FindCommand(std::string_view name);  // nullptr if unknown

}  // namespace dupsim
