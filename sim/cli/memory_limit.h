// Whether the runs a command is about to start fit in the memory this process may use, and
// the one line a user sees when they do not, or when memory runs out all the same.
//
// The memory available is the smallest of: the cgroup's limit less what the cgroup already
// uses (memory.max and memory.current for cgroup v2, memory.limit_in_bytes and
// memory.usage_in_bytes for v1, at every level up to the hierarchy's root), RLIMIT_AS and
// RLIMIT_DATA less what the process already maps (less, too, the stack and malloc arena each
// running thread reserves), and MemAvailable from /proc/meminfo.
//
// DUPSIM_SKIP_MEMORY_CHECK=1 in the environment skips the refusal, not the estimate (the
// tests use it to reach a real out-of-memory under a limit the check would have refused).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/flag_parser.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

struct MemoryLimit {
  std::uint64_t available = 0;  // bytes the runs may still use under this limit
  std::string source;           // what limits it, for people: "cgroup memory.max 8.0 GB, ..."
};

// The cgroup limits and MemAvailable as the files under `root` ("" = the real /proc and /sys)
// tell them; the tightest, or none if nothing limits. `threads` running threads.
std::optional<MemoryLimit> TightestMemoryLimit(unsigned threads, const std::string& root = "");

// "14.2 GB", "812 MB", "96 kB": decimal units, three figures.
std::string FormatBytes(std::uint64_t bytes);

// Estimates the memory of every run of `scenarios` on `threads` threads and throws InputError
// (exit 2) naming the figure and the limit when it exceeds what is available. `flags` tell
// whether the intents came from --intents, to name it. Remembers the estimate for
// OutOfMemoryLine.
void RefuseRunsThatDoNotFit(const std::vector<Scenario>& scenarios, unsigned threads,
                            const ParsedFlags& flags);

// The line for a std::bad_alloc: how much memory the process had at its peak, and the
// estimate of the runs when one was made.
std::string OutOfMemoryLine();

}  // namespace dupsim
