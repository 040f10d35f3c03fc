// What `dupsim run` and `dupsim check` share: the flags that pick and override
// scenarios (--strategy, --intents, --seed, --threads, --quiet), running them
// with progress on a terminal, the report they make, and the output files.
#pragma once

#include <boost/program_options.hpp>
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "metrics/run_result.h"
#include "reports/report.h"
#include "reports/report_format.h"
#include "sim/cli/flag_parser.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

// Adds --strategy, --intents, --seed, --threads and --quiet.
void AddScenarioRunOptions(boost::program_options::options_description& options);

// The SCENARIO arguments loaded (directories expanded), with every override flag applied.
// Every flag is checked before anything runs, so a typo costs no simulation time.
std::vector<Scenario> ScenariosFromFlags(const ParsedFlags& flags);
unsigned ThreadsFromFlags(const ParsedFlags& flags);

// Runs them all; on a terminal (stderr a TTY, no --quiet) shows which run, intents/s and the
// time left on stderr, and erases it when done. Nothing of it reaches files or pipes.
std::vector<RunResult> RunScenariosShowingProgress(const std::vector<Scenario>& scenarios,
                                                   unsigned threads, bool quiet);

Report MakeReport(const std::vector<Scenario>& scenarios, std::vector<RunResult> results);

// The report format called `name`; InputError naming `flag` if there is none.
const ReportFormat& ReportFormatNamed(const std::string& name, const std::string& flag);

// Opens `path` for writing; InputError naming `flag` if it cannot.
std::ofstream OpenOutputFile(const std::string& path, const std::string& flag);

// Adds --format (a report format, default table; `format_help` says what it is for) and
// --output.
void AddReportOutputOptions(boost::program_options::options_description& options,
                            const std::string& format_help);

// Renders `report` in the --format format to --output, or to `out` (in colour when `out` is
// standard output on a terminal), and checks the write. The file was opened by the caller
// before anything ran (OpenOutputFile), so a bad path costs no simulation time.
void RenderReport(Report report, const ReportFormat& format, std::optional<std::ofstream>& file,
                  std::ostream& out);

// Renders `report` in `format` to `path` (flag: for errors) and checks the write.
void WriteReportFile(const Report& report, const ReportFormat& format, const std::string& path,
                     const std::string& flag);

bool StdoutIsTerminal();

}  // namespace dupsim
