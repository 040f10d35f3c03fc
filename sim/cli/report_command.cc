// `dupsim report RESULTS.json --format F`: re-renders saved results (from `run`
// or `check` with --format json) without running anything, e.g. the HTML page
// or the Markdown summary of a CI run's saved JSON.
#include <iostream>
#include <optional>
#include <sstream>

#include "reports/json_reader.h"
#include "reports/report_format_registry.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/run_setup.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

po::options_description ReportOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  AddReportOutputOptions(options, "report format");
  options.add_options()("help,h", "show this help");
  return options;
}

// `-` is standard input (`dupsim run --format json | dupsim report - --format html`); errors
// in it are positioned as "<stdin>:line:column".
Report ReadSavedReport(const std::string& argument) {
  if (argument != "-") return ReadJsonReportFile(argument);
  std::ostringstream text;
  text << std::cin.rdbuf();
  if (std::cin.bad()) throw InputError("<stdin>: cannot read standard input");
  return ReadJsonReport(text.str(), "<stdin>");
}

}  // namespace

int ReportCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options = ReportOptions();
  const ParsedFlags flags = ParseFlags(args, options);
  const po::variables_map& values = flags.values;
  if (values.count("help")) {
    out << "Usage: dupsim report RESULTS.json [OPTIONS]\n\n"
           "Renders results saved with --format json (by 'dupsim run' or 'dupsim check')\n"
           "in another format, without running anything. RESULTS.json '-' reads them from\n"
           "standard input.\n\n"
        << options;
    return 0;
  }
  const ReportFormat& format = ReportFormatNamed(values["format"].as<std::string>(), "--format");
  if (flags.positional.size() != 1) {
    throw InputError("report: expected one RESULTS.json file (or - for standard input), got " +
                     std::to_string(flags.positional.size()));
  }
  Report report = ReadSavedReport(flags.positional[0]);
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutputFile(values["output"].as<std::string>(), "--output");
  RenderReport(std::move(report), format, file, out);
  return 0;
}

}  // namespace dupsim
