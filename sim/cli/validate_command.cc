// `dupsim validate`: loads scenarios without running them, for editors and CI.
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/scenario_argument.h"
#include "sim/input/input_error.h"

namespace dupsim {

int ValidateCommand(const std::vector<std::string>& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  if (flags.values.count("help")) {
    out << "Usage: dupsim validate SCENARIO ...\n\n"
           "Loads each SCENARIO (a .yaml file, a directory of them, or a bundled scenario's\n"
           "name) and prints\n"
           "'ok FILE (NAME: N strategies)'. Stops at the first scenario that does not load,\n"
           "with its error as file:line:column, and exit status 2.\n\n"
        << options;
    return 0;
  }
  if (flags.positional.empty()) {
    throw InputError("validate: missing SCENARIO argument (a .yaml file to check)");
  }
  for (const std::string& argument : flags.positional) {
    // A directory stands for its scenario files, each reported by its own path.
    for (const Scenario& scenario : LoadScenarioArguments({argument})) {
      const std::size_t n = scenario.strategies.size();
      const bool named = scenario.source.rfind("<bundled>", 0) == 0;
      out << "ok " << (named ? argument : scenario.source) << " (" << scenario.name << ": " << n
          << (n == 1 ? " strategy" : " strategies") << ")\n";
    }
  }
  return 0;
}

}  // namespace dupsim
