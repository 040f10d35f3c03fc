// `dupsim validate`: loads scenarios without running them, for editors and CI.
#include <iostream>

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
           "name) and prints 'ok FILE (NAME: N strategies)' for each one that loads. Each\n"
           "one that does not gets its error on stderr, one line as file:line:column; the\n"
           "others are still checked, and the exit status is 2.\n\n"
        << options;
    return 0;
  }
  if (flags.positional.empty()) {
    throw InputError("validate: missing SCENARIO argument (a .yaml file to check)");
  }
  bool all_load = true;
  // Every file is checked, so one run lists every mistake; each bad one is one error line.
  auto report = [&](const InputError& e) {
    all_load = false;
    out.flush();
    std::cerr << "dupsim: error: " << e.what() << std::endl;
  };
  for (const std::string& argument : flags.positional) {
    std::vector<std::string> files;
    try {
      files = ScenarioArgumentFiles(argument);  // a directory: its scenario files
    } catch (const InputError& e) {
      report(e);
    }
    for (const std::string& file : files) {
      try {
        const Scenario scenario = LoadScenarioArgument(file);
        const std::size_t n = scenario.strategies.size();
        out << "ok " << file << " (" << scenario.name << ": " << n
            << (n == 1 ? " strategy" : " strategies") << ")\n";
      } catch (const InputError& e) {
        report(e);
      }
    }
  }
  return all_load ? 0 : 2;
}

}  // namespace dupsim
