// The top level of `dupsim`: global flags, finding the command by name, and
// the single place where errors become one stderr line and an exit status.
#include <array>
#include <exception>
#include <new>

#include "reports/tool_version.h"
#include "sim/cli/command.h"
#include "sim/cli/dupsim_cli.h"
#include "sim/cli/memory_limit.h"
#include "sim/input/closest_name.h"
#include "sim/input/input_error.h"
#include "sim/run/invariant_checker.h"

namespace dupsim {
namespace {

constexpr int kExitInternal = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitInvariantViolated = 3;
constexpr int kExitOutOfMemory = 4;

constexpr std::array kCommands = {
    Command{"run", "run scenarios under dedup strategies and report duplicate rates", &RunCommand},
    Command{"check", "run scenarios and gate on their expectations and a baseline (for CI)",
            &CheckCommand},
    Command{"report", "re-render saved JSON results in another format", &ReportCommand},
    Command{"list", "list the bundled scenarios, the strategies and the report formats",
            &ListCommand},
    Command{"validate", "check scenario files without running them", &ValidateCommand},
    Command{"trace", "write every step of one run as a trace for Perfetto, or as JSON lines",
            &TraceCommand},
    Command{"explain", "tell the story of one duplicate charge and what would have prevented it",
            &ExplainCommand},
};

std::string CommandNames() {
  std::string names;
  for (const Command& c : kCommands) names += (names.empty() ? "" : ", ") + std::string(c.name);
  return names;
}

void PrintHelp(std::ostream& out) {
  out << "dupsim " << ToolVersion()
      << ": simulates duplicate payments (double taps, client retries after\n"
         "timeouts, delayed confirmations) and compares the strategies that prevent them.\n\n"
         "Usage: dupsim COMMAND [ARGS] [OPTIONS]\n\n"
         "Commands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
  }
  out << "\nOptions:\n"
         "  -h [ --help ]  show this help\n"
         "  --version      print the version\n\n"
         "'dupsim COMMAND --help' shows a command's options. With no scenario,\n"
         "'dupsim run' runs the bundled default scenario.\n\n"
         "Exit status: 0 success; 1 'check' found a failure, a regression or an inconclusive\n"
         "verdict (or an internal error); 2 bad input or usage, or runs too big for the memory\n"
         "available (refused before they start); 3 a run broke one of its invariants (its\n"
         "books do not balance: a simulator or strategy bug); 4 out of memory during a run.\n";
}

// The message of an error as one line, whatever a lower layer put in it.
std::string OneLine(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

int Dispatch(const std::vector<std::string>& args, std::ostream& out) {
  if (args.empty()) {
    throw InputError("missing command (" + CommandNames() + "; try 'dupsim --help')");
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    if (first == "help" && args.size() > 1) return Dispatch({args[1], "--help"}, out);
    PrintHelp(out);
    return 0;
  }
  if (first == "--version") {
    out << "dupsim " << ToolVersion() << '\n';
    return 0;
  }
  if (!first.empty() && first.front() == '-') {
    throw InputError("unrecognised option '" + first + "'" +
                     DidYouMean(first, {"--help", "--version"}) + " (try 'dupsim --help')");
  }
  const Command* command = FindCommand(first);
  if (!command) {
    std::vector<std::string_view> names;
    for (const Command& c : kCommands) names.push_back(c.name);
    throw InputError("unknown command '" + first + "'" + DidYouMean(first, names) +
                     " (commands: " + CommandNames() + ")");
  }
  return command->run({args.begin() + 1, args.end()}, out);
}

}  // namespace

std::span<const Command> Commands() {
  return kCommands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

int RunDupsim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // Output already written (validate's "ok" lines) comes before the error line.
  try {
    return Dispatch(args, out);
  } catch (const InputError& e) {
    out.flush();
    err << "dupsim: error: " << OneLine(e.what()) << std::endl;
    return kExitBadInput;
  } catch (const InvariantViolation& e) {
    out.flush();
    err << "dupsim: invariant violated: " << OneLine(e.what()) << std::endl;
    return kExitInvariantViolated;
  } catch (const std::bad_alloc&) {
    // Before std::exception: running out of memory is the machine's limit, not a bug.
    out.flush();
    err << "dupsim: error: " << OutOfMemoryLine() << std::endl;
    return kExitOutOfMemory;
  } catch (const std::exception& e) {
    out.flush();
    err << "dupsim: internal error: " << OneLine(e.what()) << std::endl;
    return kExitInternal;
  } catch (...) {
    out.flush();
    err << "dupsim: internal error: unknown exception" << std::endl;
    return kExitInternal;
  }
}

}  // namespace dupsim
