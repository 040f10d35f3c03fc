#include "sim/cli/run_setup.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>
#include <mutex>
#include <thread>

#include "reports/report_format_registry.h"
#include "reports/tool_version.h"
#include "sim/cli/scenario_argument.h"
#include "sim/input/input_error.h"
#include "sim/run/scenario_runner.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/strategy_spec_reader.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Far above any core count; it only catches typos.
constexpr std::uint64_t kMaxThreads = 4096;

// Progress on stderr, redrawn four times a second from its own thread:
// "dupsim: 3/20 runs, 1.2 M of 4.0 M intents, 0.91 M intents/s, about 3 s left", and
// "dupsim: 0/2 runs, preparing 200.00 M intents... 3 s" until the first intent starts. The
// wall clock here is the CLI's, never the simulator's; the runs only bump a relaxed
// counter of intents started.
class ProgressLine {
 public:
  explicit ProgressLine(const std::vector<Scenario>& scenarios)
      : start_(std::chrono::steady_clock::now()) {
    for (const Scenario& s : scenarios) {
      runs_ += s.strategies.size();
      intents_ += s.intents * s.strategies.size();
    }
    ticker_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!stop_) {
        Draw();
        wake_.wait_for(lock, std::chrono::milliseconds(250));
      }
    });
  }

  std::atomic<std::uint64_t>* intents_started() { return &started_; }

  // Called by RunAll, one call at a time.
  void OnDone(const RunResult&) {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++done_runs_;
  }

  ~ProgressLine() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    ticker_.join();
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }

 private:
  void Draw() {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const auto started = static_cast<double>(started_.load(std::memory_order_relaxed));
    if (started == 0) {
      // Building the worlds writes every per-intent table first: seconds for huge runs,
      // with no intent started yet. The clock shows that something is happening.
      std::fprintf(stderr, "\r\033[Kdupsim: %zu/%zu runs, preparing %.2f M intents... %.0f s",
                   done_runs_, runs_, static_cast<double>(intents_) / 1e6, seconds);
      std::fflush(stderr);
      return;
    }
    const double rate = seconds > 0 ? started / seconds : 0;
    const double left = rate > 0 ? (static_cast<double>(intents_) - started) / rate : 0;
    std::fprintf(stderr,
                 "\r\033[Kdupsim: %zu/%zu runs, %.2f M of %.2f M intents, %.2f M intents/s, "
                 "about %.0f s left",
                 done_runs_, runs_, started / 1e6, static_cast<double>(intents_) / 1e6, rate / 1e6,
                 left);
    std::fflush(stderr);
  }

  std::chrono::steady_clock::time_point start_;
  std::size_t runs_ = 0;
  std::uint64_t intents_ = 0;
  std::atomic<std::uint64_t> started_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::size_t done_runs_ = 0;
  std::thread ticker_;
};

}  // namespace

void AddScenarioRunOptions(po::options_description& options) {
  options.add_options()  //
      ("strategy", po::value<std::vector<std::string>>()->value_name("S"),
       "run under strategy S instead of each scenario's own list; repeatable. S is a name, "
       "'idempotency_key', or a map, '{name: client_debounce, window: 2s}'")  //
      ("intents", po::value<std::string>()->value_name("N"),
       "simulate N payment intents per run instead of each scenario's count. A run holds "
       "about 150 bytes per intent (260 to 390 with a key store, more with a key per attempt); "
       "runs that cannot fit in the memory available are refused before they start")  //
      ("seed", po::value<std::string>()->value_name("S"),
       "use random seed S instead of each scenario's seed")  //
      ("threads", po::value<std::string>()->value_name("N")->default_value("0"),
       "run on N threads; 0 = one per core. Results do not depend on it")  //
      ("quiet,q", "no progress line on the terminal");
}

std::vector<Scenario> ScenariosFromFlags(const ParsedFlags& flags) {
  const po::variables_map& values = flags.values;
  std::vector<StrategySpec> strategies;
  if (values.count("strategy")) {
    strategies = ParseStrategyFlags(values["strategy"].as<std::vector<std::string>>());
  }
  std::uint64_t intents = 0;
  if (values.count("intents")) {
    intents = ParseWholeNumber("--intents", values["intents"].as<std::string>(), 1, kMaxIntents);
  }
  std::uint64_t seed = 0;
  if (values.count("seed")) {
    seed = ParseWholeNumber("--seed", values["seed"].as<std::string>(), 0,
                            std::numeric_limits<std::uint64_t>::max());
  }
  ThreadsFromFlags(flags);
  std::vector<Scenario> scenarios = LoadScenarioArguments(flags.positional);
  for (Scenario& s : scenarios) {
    if (values.count("strategy")) UseStrategies(strategies, s);
    if (values.count("intents")) s.intents = intents;
    if (values.count("seed")) s.seed = seed;
  }
  return scenarios;
}

unsigned ThreadsFromFlags(const ParsedFlags& flags) {
  return static_cast<unsigned>(
      ParseWholeNumber("--threads", flags.values["threads"].as<std::string>(), 0, kMaxThreads));
}

std::vector<RunResult> RunScenariosShowingProgress(const std::vector<Scenario>& scenarios,
                                                   unsigned threads, bool quiet) {
  if (quiet || !isatty(STDERR_FILENO)) return RunAll(scenarios, threads);
  ProgressLine progress(scenarios);
  return RunAll(
      scenarios, threads, [&](const RunResult& r) { progress.OnDone(r); },
      progress.intents_started());
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

const ReportFormat& ReportFormatNamed(const std::string& name, const std::string& flag) {
  return ReportFormatRegistry::Builtin().Choose(name, flag);
}

std::ofstream OpenOutputFile(const std::string& path, const std::string& flag) {
  if (path.empty()) throw InputError(flag + ": missing file name");
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    throw InputError::At(SourcePos{flag, 0, 0}, "",
                         "cannot write '" + path + "': " + std::strerror(errno));
  }
  return file;
}

void AddReportOutputOptions(po::options_description& options, const std::string& format_help) {
  options.add_options()  //
      ("format,f", po::value<std::string>()->value_name("F")->default_value("table"),
       (format_help + ": " + ReportFormatRegistry::Builtin().Names()).c_str())  //
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the report to FILE instead of standard output");
}

void RenderReport(Report report, const ReportFormat& format, std::optional<std::ofstream>& file,
                  std::ostream& out) {
  report.colour = !file && &out == &std::cout && StdoutIsTerminal();
  std::ostream& sink = file ? *file : out;
  format.Render(report, sink);
  sink.flush();
  if (!sink) throw std::runtime_error("writing the report failed");
}

void WriteReportFile(const Report& report, const ReportFormat& format, const std::string& path,
                     const std::string& flag) {
  std::ofstream file = OpenOutputFile(path, flag);
  format.Render(report, file);
  file.flush();
  if (!file) throw std::runtime_error("writing " + path + " failed");
}

bool StdoutIsTerminal() {
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace dupsim
