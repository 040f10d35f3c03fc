// `dupsim run`: loads scenarios, applies the flags that override them, runs
// every (scenario, strategy) pair and renders the report.
#include <iostream>
#include <optional>

#include "reports/report_format_registry.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/memory_limit.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/run_setup.h"
#include "sim/scenario/bundled_scenarios.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

po::options_description RunOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  AddScenarioRunOptions(options);
  AddReportOutputOptions(options, "report format");
  options.add_options()("help,h", "show this help");
  return options;
}

void PrintHelp(const po::options_description& options, std::ostream& out) {
  out << "Usage: dupsim run [SCENARIO ...] [OPTIONS]\n\n"
         "Runs each SCENARIO under each of its strategies and reports duplicate and lost\n"
         "payment rates with 95% intervals. A SCENARIO is a path to a .yaml file, a\n"
         "directory of them, or the name of a bundled scenario (see 'dupsim list'); with\n"
         "none, runs the bundled scenario '"
      << DefaultScenarioName() << "' under every strategy it lists.\n\n"
      << options;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options = RunOptions();
  // Plug-ins first: scenarios and --strategy may name their strategies.
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  const po::variables_map& values = flags.values;
  if (values.count("help")) {
    PrintHelp(options, out);
    return 0;
  }
  const ReportFormat& format = ReportFormatNamed(values["format"].as<std::string>(), "--format");
  const unsigned threads = ThreadsFromFlags(flags);
  const std::vector<Scenario> scenarios = ScenariosFromFlags(flags);
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutputFile(values["output"].as<std::string>(), "--output");
  RefuseRunsThatDoNotFit(scenarios, threads, flags);

  RenderReport(MakeReport(scenarios, RunScenariosShowingProgress(scenarios, threads,
                                                                 values.count("quiet") > 0)),
               format, file, out);
  return 0;
}

}  // namespace dupsim
