// What a server does with a charge request its dedup strategy has looked at: the strategy
// decides it (sim/model/strategy.h), the server acts on it and the trace names it
// (sim/trace/trace_names.h), which therefore need not see the Strategy interface.
#pragma once

namespace dupsim {

enum class Admission {
  kProcess,       // charge it
  kWaitForFirst,  // hold it until the request that claimed its key commits, then answer alike
  kReplayFirst,   // answer at once with the stored result of the first request
  kDecline,       // refuse it as a likely duplicate: nothing is charged, the app does not retry
  kConflict,      // answer 409: its key's first request is still in flight; the app may retry
};

}  // namespace dupsim
