// `dupsim check`: the CI gate. Runs the scenarios, judges every `expect:` bound
// by its 95% interval (docs/statistics.md), and, given a baseline (a saved JSON report), flags
// rates that got worse with statistical significance. Exit status 0 when all
// pass, 1 on any failure, regression or inconclusive verdict (unless allowed),
// 2 on bad input. A scenario that changed since the baseline is a note, not a
// verdict: its runs are not compared (unless --compare-changed) and it never
// sets the exit status by itself.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>

#include "reports/json_reader.h"
#include "reports/report_format_registry.h"
#include "sim/cli/check_evaluation.h"
#include "sim/cli/command.h"
#include "sim/cli/flag_parser.h"
#include "sim/cli/memory_limit.h"
#include "sim/cli/plugin_loader.h"
#include "sim/cli/run_setup.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

po::options_description CheckOptions() {
  po::options_description options("Options", /*line_length=*/100, /*min_description_length=*/60);
  AddScenarioRunOptions(options);
  options.add_options()  //
      ("baseline", po::value<std::string>()->value_name("RESULTS.json"),
       "compare every rate with this saved report (dupsim run/check --format json); a rate worse "
       "with significance is a regression")  //
      ("compare-changed",
       "with --baseline, compare runs whose scenario changed since the baseline too (by default "
       "they are named and not compared)")  //
      ("confidence", po::value<std::string>()->value_name("C")->default_value("0.99"),
       "confidence of the baseline comparison, in (0, 1)")  //
      ("allow-inconclusive",
       "exit 0 when nothing failed, even if some verdicts are inconclusive")                     //
      ("junit", po::value<std::string>()->value_name("FILE"), "also write JUnit XML to FILE")    //
      ("markdown", po::value<std::string>()->value_name("FILE"), "also write Markdown to FILE")  //
      ("html", po::value<std::string>()->value_name("FILE"),
       "also write the HTML report to FILE")  //
      ("help,h", "show this help");
  AddReportOutputOptions(options, "format of the main report");
  return options;
}

void PrintHelp(const po::options_description& options, std::ostream& out) {
  out << "Usage: dupsim check [SCENARIO ...] [OPTIONS]\n\n"
         "Runs each SCENARIO (a file, a directory of them, or a bundled name) and judges\n"
         "every expectation its strategies carry (`expect:` in the scenario). A rate passes\n"
         "when its 95% interval is within the bound, fails when the interval is beyond it,\n"
         "and is inconclusive otherwise. With --baseline, a rate worse than the baseline's\n"
         "with significance (one-sided z-test: two proportions, or for duplicates per\n"
         "intent their per-intent variance) is a regression. A scenario whose parameters\n"
         "differ from the baseline's (its fingerprint in the report) is named with what\n"
         "changed and not compared, unless --compare-changed.\n\n"
         "Exit status: 0 all pass; 1 a failure, a regression, an inconclusive verdict\n"
         "(unless --allow-inconclusive), or nothing to judge (no expectation, no baseline\n"
         "run, no changed scenario); 2 bad input. A changed scenario alone is no failure.\n"
         "When GITHUB_STEP_SUMMARY is set, the Markdown summary is appended to that file.\n\n"
      << options;
}

double ConfidenceFlag(const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || !(value > 0 && value < 1)) {
    throw InputError::At(SourcePos{"--confidence", 0, 0}, "",
                         "expected a number between 0 and 1 (exclusive), got '" + text + "'");
  }
  return value;
}

// A summary that cannot be written is worth a word, not a failed gate: the verdict stands in
// the exit status and the main report whatever happens to this extra copy.
void WarnGithubSummary(const std::string& what) {
  std::cerr << "dupsim: warning: GITHUB_STEP_SUMMARY: " << what << "; no job summary written"
            << std::endl;
}

// GitHub Actions' job summary (GITHUB_STEP_SUMMARY), opened before anything runs so a bad
// path is reported before the runs rather than after them.
std::string GithubSummaryPath() {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  return path == nullptr ? "" : path;
}

std::optional<std::ofstream> OpenGithubSummary() {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || *path == '\0') return std::nullopt;
  // Other steps may have written to it: start on a line of our own.
  bool ends_mid_line = false;
  if (std::ifstream old(path, std::ios::binary | std::ios::ate); old && old.tellg() > 0) {
    old.seekg(-1, std::ios::end);
    ends_mid_line = old.get() != '\n';
  }
  std::ofstream file(path, std::ios::binary | std::ios::app);
  if (!file) {
    WarnGithubSummary(std::string("cannot append to '") + path + "': " + std::strerror(errno));
    return std::nullopt;
  }
  if (ends_mid_line) file << '\n';
  return file;
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args, std::ostream& out) {
  po::options_description options = CheckOptions();
  const ParsedFlags flags = ParseFlagsLoadingPlugins(args, options);
  const po::variables_map& values = flags.values;
  if (values.count("help")) {
    PrintHelp(options, out);
    return 0;
  }
  // Every flag and file is checked before anything runs.
  const ReportFormat& format = ReportFormatNamed(values["format"].as<std::string>(), "--format");
  const double confidence = ConfidenceFlag(values["confidence"].as<std::string>());
  const unsigned threads = ThreadsFromFlags(flags);
  const std::vector<Scenario> scenarios = ScenariosFromFlags(flags);
  const std::string baseline = values.count("baseline") ? values["baseline"].as<std::string>() : "";
  if (!baseline.empty()) ReadJsonReportFile(baseline);  // a bad baseline fails before the runs
  const bool compare_changed = values.count("compare-changed") > 0;
  if (compare_changed && baseline.empty()) {
    throw InputError::At(SourcePos{"--compare-changed", 0, 0}, "",
                         "only means something with --baseline");
  }
  struct Extra {
    const char* flag;
    const char* format;
  };
  const Extra extras[] = {{"junit", "junit"}, {"markdown", "markdown"}, {"html", "html"}};
  for (const Extra& extra : extras) {
    if (values.count(extra.flag)) ReportFormatNamed(extra.format, std::string("--") + extra.flag);
  }
  std::optional<std::ofstream> github_summary = OpenGithubSummary();
  std::optional<std::ofstream> file;
  if (values.count("output")) file = OpenOutputFile(values["output"].as<std::string>(), "--output");
  RefuseRunsThatDoNotFit(scenarios, threads, flags);

  Report report = MakeReport(
      scenarios, RunScenariosShowingProgress(scenarios, threads, values.count("quiet") > 0));
  report.check.checked = true;
  report.check.confidence = confidence;
  report.check.baseline = baseline;
  report.check.inconclusive_allowed = values.count("allow-inconclusive") > 0;
  JudgeExpectations(scenarios, report);
  if (!baseline.empty()) {
    CompareWithBaseline(ReadJsonReportFile(baseline), confidence, compare_changed, report);
  }

  for (const Extra& extra : extras) {
    if (!values.count(extra.flag)) continue;
    const std::string flag = std::string("--") + extra.flag;
    WriteReportFile(report, ReportFormatNamed(extra.format, flag),
                    values[extra.flag].as<std::string>(), flag);
  }
  if (github_summary) {
    ReportFormatNamed("markdown", "GITHUB_STEP_SUMMARY").Render(report, *github_summary);
    github_summary->flush();
    if (!*github_summary) WarnGithubSummary("cannot write to '" + GithubSummaryPath() + "'");
  }
  RenderReport(report, format, file, out);

  const CheckOutcome& check = report.check;
  if (check.expectations.empty() && check.comparisons.empty() && check.changed_scenarios.empty()) {
    // A gate that judged nothing must not look like one that passed. One that left changed
    // scenarios out has said why on its report: that is a decision, not an empty gate.
    std::cerr << "dupsim: check: nothing was judged: no strategy run carries an expectation"
              << (baseline.empty() ? "" : ", and no run is in the baseline") << '\n';
    return 1;
  }
  const bool failed = check.Count(Verdict::kFail) > 0 || check.Count(Change::kRegression) > 0;
  const bool undecided =
      check.Count(Verdict::kInconclusive) > 0 && !values.count("allow-inconclusive");
  return failed || undecided ? 1 : 0;
}

}  // namespace dupsim
