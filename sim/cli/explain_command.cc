// `dupsim explain`: tells the story of one duplicated payment of a scenario as
// a sequence diagram, says why it was charged twice, and what every other
// strategy would have done to it. The work is in sim/explain/; this file only
// reads the flags.
#include <algorithm>
#include <iostream>
#include <limits>
#include <optional>

#include "sim/cli/command.h"
#include "sim/cli/explain_formats.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/memory_limit.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/run_setup.h"
#include "sim/cli/scenario_argument.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/explain/explanation.h"
#include "sim/explain/renderers.h"
#include "sim/input/input_error.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Far above any core count; it only catches typos.
constexpr std::uint64_t kMaxThreads = 4096;

po::options_description ExplainOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  options.add_options()  //
      ("strategy", po::value<std::string>()->value_name("S"),
       "explain a duplicate under strategy S (a name or a map, as for 'dupsim run'); default: "
       "the scenario's first strategy that leaves one")  //
      ("cause", po::value<std::string>()->value_name("C"),
       "only intents whose first duplicate charge has root cause C")  //
      ("nth", po::value<std::string>()->value_name("K")->default_value("1"),
       "the K-th such intent, in intent order")  //
      ("format,f", po::value<std::string>()->value_name("F")->default_value("text"),
       "text, mermaid, svg or html")  //
      ("lang", po::value<std::string>()->value_name("L")->default_value("en"),
       "language of every word: en or zh")  //
      ("intents", po::value<std::string>()->value_name("N"),
       "simulate N payment intents instead of the scenario's count")  //
      ("seed", po::value<std::string>()->value_name("S"),
       "use random seed S instead of the scenario's")  //
      ("against", po::value<std::string>()->value_name("LIST"),
       "compare with these registered strategies (comma-separated names, default parameters) "
       "besides the scenario's own; default: every registered one")  //
      ("threads", po::value<std::string>()->value_name("N")->default_value("0"),
       "replay the other strategies on N threads; 0 = one per core. Output does not depend on "
       "it")  //
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write to FILE instead of standard output")  //
      ("help,h", "show this help");
  return options;
}

void PrintHelp(const po::options_description& options, std::ostream& out) {
  out << "Usage: dupsim explain [SCENARIO] [OPTIONS]\n\n"
         "Finds a payment intent that SCENARIO charged twice and tells its story: a sequence\n"
         "diagram of every step across user, app, network, server, ledger and confirmation,\n"
         "why the second charge happened, and what each other strategy would have done to\n"
         "this very payment (same seed, same intents). SCENARIO is a .yaml file or a bundled\n"
         "scenario's name; with none, the bundled '"
      << DefaultScenarioName() << "'.\n\nRoot causes (--cause): " << RootCauseNames() << "\n\n"
      << options;
}

template <typename T>
T Named(std::optional<T> value, const std::string& flag, const std::string& name,
        std::string_view known) {
  if (!value) {
    throw InputError::At(SourcePos{flag, 0, 0}, "",
                         "unknown value '" + name + "' (known: " + std::string(known) + ")");
  }
  return *value;
}

// `--against a,b`: registered names, checked before anything runs.
std::vector<std::string> StrategyNames(const std::string& list) {
  std::vector<std::string> names;
  std::size_t begin = 0;
  while (begin <= list.size()) {
    const std::size_t end = std::min(list.find(',', begin), list.size());
    const std::string name = list.substr(begin, end - begin);
    if (!StrategyRegistry::Builtin().Has(name)) {
      throw InputError::At(
          SourcePos{"--against", 0, 0}, "",
          "unknown strategy '" + name + "' (known: " + StrategyRegistry::Builtin().Names() + ")");
    }
    names.push_back(name);
    begin = end + 1;
  }
  return names;
}

}  // namespace

int ExplainCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options = ExplainOptions();
  // Plug-ins first: --strategy may name one of theirs, and the counterfactual runs them too.
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  const po::variables_map& values = flags.values;
  if (values.count("help")) {
    PrintHelp(options, out);
    return 0;
  }
  // Every flag is checked before anything runs, so a typo costs no simulation time.
  const ExplainRenderer render =
      ExplainFormats().Choose(values["format"].as<std::string>(), "--format");
  const ExplainLanguage language =
      Named(ExplainLanguageNamed(values["lang"].as<std::string>()), "--lang",
            values["lang"].as<std::string>(), ExplainLanguageNames());
  ExplainRequest request;
  if (values.count("strategy"))
    request.strategy = ParseStrategyFlag(values["strategy"].as<std::string>());
  if (values.count("cause")) {
    const std::string cause = values["cause"].as<std::string>();
    request.cause = Named(RootCauseNamed(cause), "--cause", cause, RootCauseNames());
  }
  request.nth = ParseWholeNumber("--nth", values["nth"].as<std::string>(), 1,
                                 std::numeric_limits<std::uint32_t>::max());
  request.threads = static_cast<unsigned>(
      ParseWholeNumber("--threads", values["threads"].as<std::string>(), 0, kMaxThreads));
  if (values.count("against")) request.against = StrategyNames(values["against"].as<std::string>());
  if (flags.positional.size() > 1) {
    throw InputError("explain: one SCENARIO at a time, got " +
                     std::to_string(flags.positional.size()));
  }
  const std::string argument =
      flags.positional.empty() ? std::string(DefaultScenarioName()) : flags.positional.front();
  Scenario scenario = LoadScenarioArgument(argument);
  if (values.count("intents")) {
    scenario.intents =
        ParseWholeNumber("--intents", values["intents"].as<std::string>(), 1, kMaxIntents);
  }
  if (values.count("seed")) {
    scenario.seed = ParseWholeNumber("--seed", values["seed"].as<std::string>(), 0,
                                     std::numeric_limits<std::uint64_t>::max());
  }
  request.scenario_label = argument;
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutputFile(values["output"].as<std::string>(), "--output");
  Scenario replays = scenario;  // explain runs every strategy it compares, `threads` at once
  replays.strategies.clear();
  for (const Alternative& a : CounterfactualStrategies(scenario, request.against))
    replays.strategies.push_back(a.strategy);
  RefuseRunsThatDoNotFit({replays}, request.threads, flags);

  const Explanation explanation = Explain(scenario, request);
  const bool colour = !file && &out == &std::cout && StdoutIsTerminal();  // text alone uses it
  const ExplainText& text = ExplainTextFor(language);
  std::ostream& sink = file ? *file : out;
  render(explanation, DiagramOf(explanation, text), text, colour, sink);
  sink.flush();
  if (!sink) throw std::runtime_error("writing the explanation failed");
  return 0;
}

}  // namespace dupsim
