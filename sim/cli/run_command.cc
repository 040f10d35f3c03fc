// `dupsim run`: loads scenarios, applies the flags that override them, runs
// every (scenario, strategy) pair and renders the report.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "reports/report_format_registry.h"
#include "reports/tool_version.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/scenario_argument.h"
#include "sim/input/input_error.h"
#include "sim/run/scenario_runner.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Far above any core count; it only catches typos.
constexpr std::uint64_t kMaxThreads = 4096;

po::options_description RunOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  options.add_options()  //
      ("strategy", po::value<std::vector<std::string>>()->value_name("S"),
       "run under strategy S instead of each scenario's own list; repeatable. S is a name, "
       "'idempotency_key', or a map, '{name: client_debounce, window: 2s}'")  //
      ("intents", po::value<std::string>()->value_name("N"),
       "simulate N payment intents per run instead of each scenario's count")  //
      ("seed", po::value<std::string>()->value_name("S"),
       "use random seed S instead of each scenario's seed")  //
      ("threads", po::value<std::string>()->value_name("N")->default_value("0"),
       "run on N threads; 0 = one per core. Results do not depend on it")  //
      ("format,f", po::value<std::string>()->value_name("F")->default_value("table"),
       ("report format: " + ReportFormatRegistry::Builtin().Names()).c_str())  //
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the report to FILE instead of standard output")  //
      ("help,h", "show this help");
  return options;
}

void PrintHelp(const po::options_description& options, std::ostream& out) {
  out << "Usage: dupsim run [SCENARIO ...] [OPTIONS]\n\n"
         "Runs each SCENARIO under each of its strategies and reports duplicate and lost\n"
         "payment rates with 95% intervals. A SCENARIO is a path to a .yaml file or the\n"
         "name of a bundled scenario (see 'dupsim list'); with none, runs the bundled\n"
         "scenario '"
      << DefaultScenarioName() << "' under every strategy it lists.\n\n"
      << options;
}

const ReportFormat& FormatFlag(const std::string& name) {
  const auto& registry = ReportFormatRegistry::Builtin();
  if (const ReportFormat* format = registry.Find(name)) return *format;
  throw InputError::At(SourcePos{"--format", 0, 0}, "",
                       "unknown format '" + name + "' (known: " + registry.Names() + ")");
}

std::vector<Scenario> LoadScenarios(const std::vector<std::string>& arguments) {
  std::vector<Scenario> scenarios;
  if (arguments.empty()) {
    const BundledScenario* bundled = FindBundledScenario(DefaultScenarioName());
    if (!bundled) throw std::logic_error("the default scenario is not bundled");
    scenarios.push_back(LoadBundledScenario(*bundled));
  }
  for (const std::string& argument : arguments) {
    scenarios.push_back(LoadScenarioArgument(argument));
  }
  return scenarios;
}

// Every flag is checked before anything runs, so a typo costs no simulation time.
void ApplyOverrides(const po::variables_map& values, std::vector<Scenario>& scenarios) {
  if (values.count("strategy")) {
    std::vector<ConfiguredStrategy> strategies;
    for (const std::string& text : values["strategy"].as<std::vector<std::string>>()) {
      strategies.push_back(ParseStrategyFlag(text));
    }
    for (Scenario& s : scenarios) s.strategies = strategies;
  }
  if (values.count("intents")) {
    const std::uint64_t intents =
        ParseWholeNumber("--intents", values["intents"].as<std::string>(), 1, kMaxIntents);
    for (Scenario& s : scenarios) s.intents = intents;
  }
  if (values.count("seed")) {
    const std::uint64_t seed = ParseWholeNumber("--seed", values["seed"].as<std::string>(), 0,
                                                std::numeric_limits<std::uint64_t>::max());
    for (Scenario& s : scenarios) s.seed = seed;
  }
}

std::ofstream OpenOutput(const std::string& path) {
  if (path.empty()) throw InputError("--output: missing file name");
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    throw InputError::At(SourcePos{"--output", 0, 0}, "",
                         "cannot write '" + path + "': " + std::strerror(errno));
  }
  return file;
}

Report MakeReport(const std::vector<Scenario>& scenarios, std::vector<RunResult> results) {
  Report report;
  report.tool_version = std::string(ToolVersion());
  report.results = std::move(results);
  for (const Scenario& s : scenarios) {
    ScenarioSummary summary;
    summary.name = s.name;
    summary.source = s.source;
    summary.description = s.description;
    summary.cause = s.cause ? std::string(CauseName(*s.cause)) : "";
    summary.seed = s.seed;
    summary.intents = s.intents;
    summary.yaml = s.text;
    report.scenarios.push_back(std::move(summary));
  }
  return report;
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
  const ReportFormat& format = FormatFlag(values["format"].as<std::string>());
  const auto threads = static_cast<unsigned>(
      ParseWholeNumber("--threads", values["threads"].as<std::string>(), 0, kMaxThreads));
  std::vector<Scenario> scenarios = LoadScenarios(flags.positional);
  ApplyOverrides(values, scenarios);
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutput(values["output"].as<std::string>());

  const Report report = MakeReport(scenarios, RunAll(scenarios, threads));
  std::ostream& sink = file ? *file : out;
  format.Render(report, sink);
  sink.flush();
  if (!sink) throw std::runtime_error("writing the report failed");
  return 0;
}

}  // namespace dupsim
