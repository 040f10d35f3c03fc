// `dupsim list`: what a user can name on the command line, one line each; the bundled
// scenarios grouped by cause (sim/scenario/cause.h).
#include <algorithm>
#include <optional>
#include <sstream>
#include <utility>

#include "reports/report_format_registry.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/plugin_loader.h"
#include "sim/scenario/bundled_scenarios.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Descriptions may span lines in YAML; a listing keeps one line per entry.
std::string OneLine(const std::string& text) {
  std::istringstream words(text);
  std::string line, word;
  while (words >> word) line += (line.empty() ? "" : " ") + word;
  return line;
}

struct Entry {
  std::string name;
  std::string text;
};

void PrintEntries(const std::vector<Entry>& entries, std::size_t width, std::string_view indent,
                  std::ostream& out) {
  for (const Entry& e : entries) {
    out << indent << e.name;
    if (!e.text.empty()) out << std::string(width - e.name.size() + 2, ' ') << e.text;
    out << '\n';
  }
}

void PrintSection(std::string_view title, const std::vector<Entry>& entries, std::ostream& out) {
  std::size_t width = 0;
  for (const Entry& e : entries) width = std::max(width, e.name.size());
  out << title << ":\n";
  PrintEntries(entries, width, "  ", out);
}

}  // namespace

int ListCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  if (flags.values.count("help")) {
    out << "Usage: dupsim list\n\n"
           "Lists the bundled scenarios by cause (for 'dupsim run NAME'), the dedup strategies\n"
           "(for 'dupsim run --strategy NAME') and the report formats ('--format NAME').\n\n"
        << options;
    return 0;
  }
  RejectArguments("list", flags.positional);

  // Scenarios grouped by cause, in kAllCauses order; a scenario without one comes last.
  std::vector<std::pair<std::optional<Cause>, std::vector<Entry>>> by_cause;
  for (Cause cause : kAllCauses) by_cause.push_back({cause, {}});
  by_cause.push_back({std::nullopt, {}});
  std::size_t width = 0;
  for (const BundledScenario& bundled : BundledScenarios()) {
    const Scenario scenario = LoadBundledScenario(bundled);
    std::string text = OneLine(scenario.description);
    if (bundled.name == DefaultScenarioName()) text += " (default)";
    for (auto& [cause, entries] : by_cause) {
      if (cause == scenario.cause) entries.push_back({std::string(bundled.name), text});
    }
    width = std::max(width, bundled.name.size());
  }
  std::vector<Entry> strategies;
  for (const StrategyInfo* info : StrategyRegistry::Builtin().All()) {
    strategies.push_back({info->name, OneLine(info->summary)});
  }
  std::vector<Entry> formats;
  for (const ReportFormat* format : ReportFormatRegistry::Builtin().All()) {
    formats.push_back({std::string(format->name()), std::string(format->summary())});
  }
  out << "Bundled scenarios, by cause:\n";
  for (const auto& [cause, entries] : by_cause) {
    if (entries.empty()) continue;
    out << "  " << (cause ? CauseTitle(*cause) : "no cause given") << ":\n";
    PrintEntries(entries, width, "    ", out);
  }
  out << '\n';
  PrintSection("Strategies", strategies, out);
  out << "  Stack several as one: --strategy '{stack: [client_debounce, idempotency_key]}'\n";
  out << '\n';
  PrintSection("Report formats", formats, out);
  return 0;
}

}  // namespace dupsim
