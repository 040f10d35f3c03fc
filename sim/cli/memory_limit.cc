#include "sim/cli/memory_limit.h"

#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/input/input_error.h"
#include "sim/run/memory_estimate.h"

namespace dupsim {
namespace {

// Address space every running thread reserves besides the runs' tables: its stack (8 MiB by
// default) and, under glibc, its own malloc arena (64 MiB on 64-bit systems). Only limits on
// address space (RLIMIT_AS, RLIMIT_DATA) see these reservations; memory in use does not.
constexpr std::uint64_t kReservedPerThread = (8ull + 64ull) << 20;

// Above this a cgroup v1 limit means "none" (the kernel writes 2^63 less a page).
constexpr std::uint64_t kNoCgroupV1Limit = 1ull << 60;

// The estimate of the runs last checked, for the out-of-memory line (0: none made), and
// whether it is only their upper bound.
std::atomic<std::uint64_t> last_estimate{0};
std::atomic<bool> last_estimate_is_bound{false};

std::optional<std::uint64_t> ReadNumber(const std::string& path) {
  std::ifstream in(path);
  std::string word;
  if (!(in >> word) || word.empty() || word.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;  // missing, or "max" (cgroup v2: no limit)
  }
  return std::strtoull(word.c_str(), nullptr, 10);
}

void Tighten(std::optional<MemoryLimit>& tightest, std::uint64_t available, std::string source) {
  if (!tightest || available < tightest->available) tightest = MemoryLimit{available, source};
}

struct CgroupMount {
  int version = 0;         // 1 or 2
  std::string directory;   // where it is mounted
  std::string mount_root;  // the hierarchy's directory shown there
};

// The memory cgroup hierarchies mounted, from /proc/self/mountinfo: "id parent dev root
// mountpoint options ... - fstype source superoptions".
std::vector<CgroupMount> CgroupMounts(const std::string& root) {
  std::vector<CgroupMount> mounts;
  std::ifstream in(root + "/proc/self/mountinfo");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string id, parent, device, mount_root, directory, word;
    fields >> id >> parent >> device >> mount_root >> directory;
    while (fields >> word && word != "-") {
    }
    std::string type, source, options;
    fields >> type >> source >> options;
    if (type == "cgroup2") mounts.push_back({2, directory, mount_root});
    if (type == "cgroup" && ("," + options + ",").find(",memory,") != std::string::npos) {
      mounts.push_back({1, directory, mount_root});
    }
  }
  return mounts;
}

// This process's cgroup in hierarchy `version`, from /proc/self/cgroup ("0::/path" for v2,
// "4:memory:/path" for v1's memory controller).
std::optional<std::string> CgroupPath(const std::string& root, int version) {
  std::ifstream in(root + "/proc/self/cgroup");
  for (std::string line; std::getline(in, line);) {
    const std::size_t a = line.find(':');
    const std::size_t b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string controllers = line.substr(a + 1, b - a - 1);
    const bool wanted = version == 2
                            ? line.compare(0, a, "0") == 0 && controllers.empty()
                            : ("," + controllers + ",").find(",memory,") != std::string::npos;
    if (wanted) return line.substr(b + 1);
  }
  return std::nullopt;
}

// Every level from this process's cgroup up to the mount: its limit less its usage.
void TightenByCgroups(std::optional<MemoryLimit>& tightest, const std::string& root) {
  for (const CgroupMount& mount : CgroupMounts(root)) {
    std::optional<std::string> path = CgroupPath(root, mount.version);
    if (!path) continue;
    if (mount.mount_root != "/" && path->rfind(mount.mount_root, 0) == 0) {
      path = path->substr(mount.mount_root.size());
    }
    const std::string top = root + mount.directory;
    const char* limit_file = mount.version == 2 ? "memory.max" : "memory.limit_in_bytes";
    const char* usage_file = mount.version == 2 ? "memory.current" : "memory.usage_in_bytes";
    for (std::string level = *path;; level = level.substr(0, level.rfind('/'))) {
      const std::string dir = top + level;
      const std::optional<std::uint64_t> limit = ReadNumber(dir + "/" + limit_file);
      if (limit && (mount.version == 2 || *limit < kNoCgroupV1Limit)) {
        const std::uint64_t used = ReadNumber(dir + "/" + usage_file).value_or(0);
        Tighten(tightest, used < *limit ? *limit - used : 0,
                "cgroup " + std::string(limit_file) + " " + FormatBytes(*limit) + ", " +
                    FormatBytes(used) + " in use");
      }
      if (level.empty() || level == "/") break;
    }
  }
}

void TightenByMemAvailable(std::optional<MemoryLimit>& tightest, const std::string& root) {
  std::ifstream in(root + "/proc/meminfo");
  for (std::string line; std::getline(in, line);) {
    unsigned long long kb = 0;
    if (std::sscanf(line.c_str(), "MemAvailable: %llu kB", &kb) == 1) {
      Tighten(tightest, kb * 1024, "MemAvailable in /proc/meminfo");
    }
  }
}

// "VmSize:  123 kB" from /proc/self/status, in bytes.
std::uint64_t ProcessStatusBytes(const char* field) {
  std::ifstream in("/proc/self/status");
  const std::string prefix = std::string(field) + ":";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0)
      return std::strtoull(line.c_str() + prefix.size(), nullptr, 10) * 1024;
  }
  return 0;
}

void TightenByRlimit(std::optional<MemoryLimit>& tightest, int resource, const char* name,
                     const char* mapped_field, unsigned threads) {
  rlimit limit{};
  if (getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return;
  const std::uint64_t used = ProcessStatusBytes(mapped_field) + threads * kReservedPerThread;
  Tighten(tightest, used < limit.rlim_cur ? limit.rlim_cur - used : 0,
          std::string(name) + " " + FormatBytes(limit.rlim_cur) + ", " + FormatBytes(used) +
              " mapped or reserved by threads");
}

// "--intents 100000000", or the scenario of the largest run with its intents.
std::string WhatIsTooBig(const RunsMemoryEstimate& estimate, const ParsedFlags& flags) {
  if (flags.values.count("intents"))
    return "--intents " + flags.values["intents"].as<std::string>();
  const RunMemoryEstimate& largest = estimate.largest.front();
  return largest.scenario + " (" + std::to_string(largest.intents) + " intents)";
}

// "2 at once, about 145 bytes per intent under none, about 330 under idempotency_key".
std::string HowItAddsUp(const RunsMemoryEstimate& estimate) {
  std::string text = estimate.at_once > 1 ? std::to_string(estimate.at_once) + " at once, " : "";
  std::set<std::string> said;
  for (const RunMemoryEstimate& run : estimate.largest) {
    if (!said.insert(run.strategy).second) continue;
    if (said.size() > 3) return text + ", ...";
    char figure[64];
    std::snprintf(figure, sizeof figure, "%s%.0f%s", said.size() == 1 ? "about " : ", about ",
                  run.BytesPerIntent(), said.size() == 1 ? " bytes per intent" : "");
    text += figure + std::string(" under ") + run.strategy;
  }
  return text;
}

}  // namespace

std::optional<MemoryLimit> TightestMemoryLimit(unsigned threads, const std::string& root) {
  std::optional<MemoryLimit> tightest;
  TightenByCgroups(tightest, root);
  TightenByMemAvailable(tightest, root);
  if (root.empty()) {
    TightenByRlimit(tightest, RLIMIT_AS, "RLIMIT_AS", "VmSize", threads);
    TightenByRlimit(tightest, RLIMIT_DATA, "RLIMIT_DATA", "VmData", threads);
  }
  return tightest;
}

std::string FormatBytes(std::uint64_t bytes) {
  char text[32];
  const auto b = static_cast<double>(bytes);
  if (b >= 1e9) {
    std::snprintf(text, sizeof text, "%.1f GB", b / 1e9);
  } else if (b >= 1e6) {
    std::snprintf(text, sizeof text, "%.0f MB", b / 1e6);
  } else {
    std::snprintf(text, sizeof text, "%.0f kB", b / 1e3);
  }
  return text;
}

void RefuseRunsThatDoNotFit(const std::vector<Scenario>& scenarios, unsigned threads,
                            const ParsedFlags& flags) {
  const char* skip_env = std::getenv("DUPSIM_SKIP_MEMORY_CHECK");
  const bool skip = skip_env != nullptr && std::strcmp(skip_env, "1") == 0;
  // Upper bounds first: they cost nothing, and a run that fits them needs no pilot.
  RunsMemoryEstimate estimate = EstimateRunsMemory(
      scenarios, threads, skip ? GrowthFrom::kPilotRun : GrowthFrom::kUpperBounds);
  if (estimate.largest.empty()) return;
  last_estimate = estimate.bytes;
  last_estimate_is_bound = !skip;
  if (skip) return;
  // The runs' threads, and the progress line's.
  const std::optional<MemoryLimit> limit = TightestMemoryLimit(estimate.at_once + 1);
  if (!limit || estimate.bytes <= limit->available) return;
  estimate = EstimateRunsMemory(scenarios, threads, GrowthFrom::kPilotRun);
  last_estimate = estimate.bytes;
  last_estimate_is_bound = false;
  if (estimate.bytes <= limit->available) return;
  throw InputError(WhatIsTooBig(estimate, flags) + ": the runs need about " +
                   FormatBytes(estimate.bytes) + " (" + HowItAddsUp(estimate) + ") but " +
                   FormatBytes(limit->available) + " is available (" + limit->source +
                   "); use fewer intents" + (estimate.at_once > 1 ? " or --threads 1" : ""));
}

std::string OutOfMemoryLine() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const std::uint64_t peak = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
  const std::uint64_t estimate = last_estimate.load();
  return "out of memory after " + FormatBytes(peak) + " in use" +
         (estimate > 0
              ? std::string(" (the runs were estimated to need ") +
                    (last_estimate_is_bound ? "at most " : "about ") + FormatBytes(estimate) + ")"
              : std::string()) +
         "; use fewer intents or --threads 1";
}

}  // namespace dupsim
