// Huge runs: the memory estimate against the peak RSS the binary really reaches, runs too big
// for the memory available refused before they start (exit 2), a real out-of-memory under an
// address-space limit (exit 4), the cgroup and /proc/meminfo limits read from files, and the
// progress line while the worlds are being prepared.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/memory_limit.h"
#include "sim/cli/scenario_argument.h"
#include "sim/run/memory_estimate.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/cli/dupsim_process.h"

extern char** environ;

namespace dupsim {
namespace {

struct Child {
  int exit_status = -1;  // -1: did not exit normally
  std::string err;
  std::uint64_t peak_rss = 0;  // bytes, ru_maxrss from wait4
};

struct ChildOptions {
  std::optional<rlim_t> address_space;  // RLIMIT_AS, set in the child before exec
  bool skip_memory_check = false;       // DUPSIM_SKIP_MEMORY_CHECK=1
};

// Runs the binary with standard output thrown away and returns its standard error, status
// and peak resident set size.
Child RunChild(const std::vector<std::string>& args, const ChildOptions& options = {}) {
  const ScratchDir capture;
  const std::string err_path = capture.path() + "/stderr";
  std::vector<std::string> words = {DUPSIM_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_words;
  for (char** e = environ; *e != nullptr; ++e) env_words.emplace_back(*e);
  if (options.skip_memory_check) env_words.emplace_back("DUPSIM_SKIP_MEMORY_CHECK=1");
  std::vector<char*> envp;
  for (std::string& w : env_words) envp.push_back(w.data());
  envp.push_back(nullptr);

  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open("/dev/null", O_WRONLY);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (options.address_space) {
      const rlimit limit{*options.address_space, *options.address_space};
      if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(126);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  Child child;
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return child;
  if (WIFEXITED(status)) child.exit_status = WEXITSTATUS(status);
  child.err = ReadFile(err_path);
  child.peak_rss = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
  return child;
}

// What `dupsim run SCENARIO --strategy STRATEGY --intents N --threads 1` is estimated to need.
std::uint64_t Estimate(const std::string& scenario, const std::string& strategy,
                       std::uint64_t intents) {
  Scenario s = LoadScenarioArgument(scenario);
  s.intents = intents;
  s.strategies = {ParseStrategyFlag(strategy)};
  return EstimateRunsMemory({s}, 1).bytes;
}

Child Measure(const std::string& scenario, const std::string& strategy, std::uint64_t intents) {
  return RunChild({"run", scenario, "--strategy", strategy, "--intents", std::to_string(intents),
                   "--threads", "1", "--quiet", "--format", "json"});
}

struct Case {
  const char* scenario;
  const char* strategy;
};
// Without keys, with a key per page, with a key per attempt and retries, a key per order with
// pay-agains, a key store with refunds, and tables by payer.
const Case kCases[] = {{"double_tap", "none"},
                       {"double_tap", "idempotency_key"},
                       {"timeout_retry", "idempotency_key_per_attempt"},
                       {"delayed_confirmation", "order_id"},
                       {"refunds_after_the_fact", "idempotency_key"},
                       {"double_tap", "fingerprint_window"},
                       {"impatient_retap", "confirm_on_repeat"}};

// The estimate is an upper bound of the peak RSS the run reaches, and not a loose one.
TEST(MemoryEstimate, BoundsTheMeasuredPeakWithinAQuarter) {
  constexpr std::uint64_t kIntents = 2'000'000;
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.scenario) + " under " + c.strategy);
    const Child run = Measure(c.scenario, c.strategy, kIntents);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const std::uint64_t estimate = Estimate(c.scenario, c.strategy, kIntents);
    EXPECT_GE(estimate, run.peak_rss);
    EXPECT_LE(static_cast<double>(estimate), 1.25 * static_cast<double>(run.peak_rss));
  }
}

// The figures for the README: run with --gtest_also_run_disabled_tests (a few minutes).
TEST(MemoryEstimate, DISABLED_PrintsMeasuredBytesPerIntent) {
  for (const Case& c : kCases) {
    for (const std::uint64_t n : {100'000ull, 1'000'000ull, 4'000'000ull}) {
      const Child run = Measure(c.scenario, c.strategy, n);
      const Child tiny = Measure(c.scenario, c.strategy, 1);
      const double measured = static_cast<double>(run.peak_rss - tiny.peak_rss) / n;
      const double estimated = static_cast<double>(Estimate(c.scenario, c.strategy, n)) / n;
      std::printf(
          "%-24s %-28s %9llu intents: peak %7.1f MB, %6.1f B/intent measured, estimate "
          "%6.1f B/intent (%.2fx)\n",
          c.scenario, c.strategy, static_cast<unsigned long long>(n), run.peak_rss / 1e6, measured,
          estimated, estimated * n / static_cast<double>(run.peak_rss));
    }
  }
}

const std::regex kRefusal(
    "dupsim: error: --intents 100000000: the runs need about [0-9.]+ GB \\((2 at once, )?about "
    "[0-9]+ bytes per intent under none\\) but [0-9]+ MB is available \\(RLIMIT_AS [^)]*\\); use "
    "fewer intents( or --threads 1)?\n");

// Every command that starts runs refuses, before it starts them, runs that cannot fit.
TEST(MemoryLimit, RefusesRunsThatCannotFitBeforeStarting) {
  const ChildOptions limited{.address_space = rlim_t{768} << 20};
  for (const char* command : {"run", "check", "explain"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command,     "double_tap", "--strategy", "none",
                                     "--intents", "100000000",  "--threads",  "1"};
    if (std::string(command) != "explain") args.push_back("--quiet");
    const Child c = RunChild(args, limited);
    EXPECT_EQ(c.exit_status, 2);
    if (std::string(command) != "explain") {
      EXPECT_TRUE(std::regex_match(c.err, kRefusal)) << c.err;
    } else {  // explain runs every strategy it compares, so names them all
      EXPECT_EQ(c.err.rfind("dupsim: error: --intents 100000000: the runs need about ", 0), 0)
          << c.err;
    }
    EXPECT_LT(c.peak_rss, std::uint64_t{100} << 20) << "refused before the worlds were built";
  }
  const Child both = RunChild({"run", "double_tap", "--strategy", "none", "--intents", "100000000",
                               "--threads", "2", "--strategy", "client_debounce", "--quiet"},
                              limited);
  EXPECT_EQ(both.exit_status, 2);
  EXPECT_NE(both.err.find("(2 at once, about "), std::string::npos) << both.err;
  EXPECT_NE(both.err.find("; use fewer intents or --threads 1\n"), std::string::npos) << both.err;
}

// A trace keeps at most 100000 intents: only a limit that leaves next to no room refuses it.
TEST(MemoryLimit, TraceRefusesTooASmallLimitToo) {
  const Child c = RunChild({"trace", "double_tap", "--intents", "100000", "--format", "jsonl"},
                           {.address_space = rlim_t{150} << 20});
  EXPECT_EQ(c.exit_status, 2) << c.err;
  EXPECT_NE(c.err.find("--intents 100000: the runs need about "), std::string::npos) << c.err;
}

// Past the check (skipped), a real out-of-memory under RLIMIT_AS gets its own line and exit 4,
// not "internal error" and exit 1 (which `check` uses for a failed gate).
TEST(MemoryLimit, OutOfMemoryHasItsOwnLineAndStatus) {
  const Child c = RunChild({"run", "double_tap", "--strategy", "none", "--intents", "20000000",
                            "--threads", "1", "--quiet"},
                           {.address_space = rlim_t{768} << 20, .skip_memory_check = true});
  EXPECT_EQ(c.exit_status, 4) << c.err;
  EXPECT_TRUE(std::regex_match(
      c.err, std::regex("dupsim: error: out of memory after [0-9]+ MB in use \\(the runs were "
                        "estimated to need about [0-9.]+ GB\\); use fewer intents or --threads "
                        "1\n")))
      << c.err;
}

// The limits read from files under a root laid out like /proc and /sys.
class CgroupFiles : public ::testing::Test {
 protected:
  void Put(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(dir_.path() + path).parent_path());
    dir_.Write(path.substr(1), text);
  }
  void Meminfo(const std::string& available_kb) {
    Put("/proc/meminfo", "MemTotal:       24683584 kB\nMemFree:  1000 kB\nMemAvailable:   " +
                             available_kb + " kB\n");
  }
  ScratchDir dir_;
};

TEST_F(CgroupFiles, CgroupV2LimitLessUsageAtTheTightestLevel) {
  Put("/proc/self/mountinfo",
      "24 30 0:22 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"
      "25 30 0:23 / /proc rw - proc proc rw\n");
  Put("/proc/self/cgroup", "0::/user.slice/job\n");
  Put("/sys/fs/cgroup/user.slice/job/memory.max", "max\n");
  Put("/sys/fs/cgroup/user.slice/job/memory.current", "100000000\n");
  Put("/sys/fs/cgroup/user.slice/memory.max", "8000000000\n");
  Put("/sys/fs/cgroup/user.slice/memory.current", "500000000\n");
  Meminfo("20000000");
  const std::optional<MemoryLimit> limit = TightestMemoryLimit(1, dir_.path());
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->available, 7'500'000'000u);
  EXPECT_EQ(limit->source, "cgroup memory.max 8.0 GB, 500 MB in use");
}

TEST_F(CgroupFiles, CgroupV1LimitAndMemAvailable) {
  Put("/proc/self/mountinfo",
      "30 25 0:26 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
      "31 25 0:27 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n");
  Put("/proc/self/cgroup", "5:cpu:/a\n4:memory:/a/b\n0::/\n");
  Put("/sys/fs/cgroup/memory/a/b/memory.limit_in_bytes", "9223372036854771712\n");
  Put("/sys/fs/cgroup/memory/a/memory.limit_in_bytes", "2000000000\n");
  Put("/sys/fs/cgroup/memory/a/memory.usage_in_bytes", "1000000000\n");
  Meminfo("20000000");  // 20.5 GB: the cgroup is tighter
  std::optional<MemoryLimit> limit = TightestMemoryLimit(1, dir_.path());
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->available, 1'000'000'000u);
  EXPECT_EQ(limit->source, "cgroup memory.limit_in_bytes 2.0 GB, 1.0 GB in use");
  Meminfo("500000");  // 512 MB: now MemAvailable is
  limit = TightestMemoryLimit(1, dir_.path());
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->available, 512'000'000u);
  EXPECT_EQ(limit->source, "MemAvailable in /proc/meminfo");
}

TEST_F(CgroupFiles, NothingLimitsWithoutLimits) {
  Put("/proc/self/mountinfo", "24 30 0:22 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
  Put("/proc/self/cgroup", "0::/\n");
  Put("/sys/fs/cgroup/memory.max", "max\n");
  EXPECT_FALSE(TightestMemoryLimit(1, dir_.path()));
}

// On a terminal the line says what happens from its first frame, while the worlds are built,
// instead of "0.00 M of 200.00 M intents".
TEST(ProgressLine, ShowsPreparingBeforeTheFirstIntent) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  ScratchDir dir;
  const std::string log = dir.path() + "/tty.txt";
  const std::string command = std::string("script -qec '") + DUPSIM_BINARY +
                              " run double_tap --intents 2000000 --strategy none --threads 1' " +
                              log + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string seen = ReadFile(log);
  const std::string first_frame = "\r\033[Kdupsim: 0/1 runs, preparing 2.00 M intents... 0 s";
  EXPECT_EQ(seen.find("dupsim:"), seen.find(first_frame) + 4) << seen;
  EXPECT_NE(seen.find("intents/s"), std::string::npos) << seen;
}

}  // namespace
}  // namespace dupsim
