// `dupsim trace`: runs one scenario under one strategy with a sink that keeps
// every step every party reports (sim/model/trace_event.h), and writes them as a
// Chrome Trace Event Format file for Perfetto or chrome://tracing, or as JSON
// Lines for scripts (sim/trace/chrome_trace_writer.h, jsonl_trace_writer.h).
#include <limits>
#include <memory>
#include <optional>

#include "reports/tool_version.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/memory_limit.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/run_setup.h"
#include "sim/cli/scenario_argument.h"
#include "sim/cli/trace_formats.h"
#include "sim/input/input_error.h"
#include "sim/run/world.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/trace/trace_recorder.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Without --intents, a trace is of a small run: a story to read, not a statistic.
constexpr std::uint64_t kDefaultTraceIntents = 100;
// A trace keeps every step of every intent (about ten, some 300 bytes of JSON each).
constexpr std::uint64_t kMaxTraceIntents = 100'000;

po::options_description TraceOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  options.add_options()  //
      ("strategy", po::value<std::string>()->value_name("S"),
       "trace under strategy S (a name, or a map such as '{name: client_debounce, window: 2s}') "
       "instead of the scenario's first")  //
      ("intents", po::value<std::string>()->value_name("N"),
       "simulate N payment intents, at most 100000 (default: the scenario's count, capped at "
       "100)")  //
      ("seed", po::value<std::string>()->value_name("S"),
       "use random seed S instead of the scenario's seed")  //
      ("format,f", po::value<std::string>()->value_name("F")->default_value("chrome"),
       "chrome (Chrome Trace Event Format JSON, for Perfetto or chrome://tracing) or jsonl (one "
       "JSON object per step)")  //
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the trace to FILE instead of standard output")  //
      ("help,h", "show this help");
  return options;
}

void PrintHelp(const po::options_description& options, std::ostream& out) {
  out << "Usage: dupsim trace SCENARIO [--strategy S] [--intents N] [--seed S]\n"
         "                    [--format chrome|jsonl] [--output FILE]\n\n"
         "Runs SCENARIO (a .yaml file or a bundled scenario's name) under one strategy and\n"
         "writes every step of every payment: taps, HTTP attempts, losses, admissions,\n"
         "commits, charges with the cause of each duplicate, replies, notifications, refunds.\n"
         "Virtual time, in microseconds; same scenario, strategy and seed, same bytes.\n\n"
         "  chrome  Chrome Trace Event Format: one track per party, each step an instant\n"
         "          event, each HTTP attempt a span. Open it at https://ui.perfetto.dev\n"
         "          (Open trace file) or in chrome://tracing (Load).\n"
         "  jsonl   one JSON object per line per step, keys in this order: t_us, intent,\n"
         "          lane, peer, kind, checkout, tap, attempt, detail.\n\n"
         "Without --output the trace goes to standard output.\n\n"
      << options;
}

}  // namespace

int TraceCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options = TraceOptions();
  // Plug-ins first: the scenario and --strategy may name their strategies.
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  const po::variables_map& values = flags.values;
  if (values.count("help")) {
    PrintHelp(options, out);
    return 0;
  }
  // Every flag is checked before anything runs.
  const TraceRenderer render =
      TraceFormats().Choose(values["format"].as<std::string>(), "--format");
  std::optional<std::uint64_t> intents;
  if (values.count("intents")) {
    intents = ParseWholeNumber("--intents", values["intents"].as<std::string>(), 1, kMaxIntents);
    if (*intents > kMaxTraceIntents) {
      throw InputError::At(SourcePos{"--intents", 0, 0}, "",
                           std::to_string(*intents) + " intents are too many to trace (at most " +
                               std::to_string(kMaxTraceIntents) +
                               ": a trace keeps every step of every intent); trace fewer, e.g. "
                               "--intents 100");
    }
  }
  std::optional<std::uint64_t> seed;
  if (values.count("seed")) {
    seed = ParseWholeNumber("--seed", values["seed"].as<std::string>(), 0,
                            std::numeric_limits<std::uint64_t>::max());
  }
  std::optional<ConfiguredStrategy> strategy;
  if (values.count("strategy")) strategy = ParseStrategyFlag(values["strategy"].as<std::string>());
  if (flags.positional.empty()) {
    throw InputError(
        "trace: missing SCENARIO argument (a .yaml file or a bundled scenario's name, e.g. "
        "'dupsim trace double_tap --output trace.json')");
  }
  if (flags.positional.size() > 1) {
    throw InputError("trace: one SCENARIO at a time, got " +
                     std::to_string(flags.positional.size()) + " ('" + flags.positional[1] +
                     "' is the second)");
  }

  Scenario scenario = LoadScenarioArgument(flags.positional.front());
  scenario.intents = intents ? *intents : std::min(scenario.intents, kDefaultTraceIntents);
  if (seed) scenario.seed = *seed;
  if (strategy) {
    scenario.strategies = {*strategy};
  } else if (scenario.strategies.empty()) {
    throw InputError("trace: the scenario lists no strategy; name one with --strategy");
  } else {
    scenario.strategies.resize(1);  // its first
  }
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutputFile(values["output"].as<std::string>(), "--output");
  RefuseRunsThatDoNotFit({scenario}, 1, flags);

  // Worlds hold per-intent tables: on the heap, not the stack.
  TraceRecorder recorder;
  auto world = std::make_unique<World>(scenario, scenario.strategies.front());
  world->SetTraceSink(&recorder);
  const RunResult result = world->Run();

  std::ostream& sink = file ? *file : out;
  const TraceMetadata metadata{.tool_version = std::string(ToolVersion()),
                               .scenario = scenario.name,
                               .source = scenario.source,
                               .strategy = scenario.strategies.front().label,
                               .seed = scenario.seed,
                               .intents = scenario.intents,
                               .virtual_end = result.virtual_end};
  render(recorder.records(), metadata, sink);
  sink.flush();
  if (!sink) throw std::runtime_error("writing the trace failed");
  return 0;
}

}  // namespace dupsim
