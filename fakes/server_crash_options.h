// When server replicas crash and what a crash takes with it. A crash kills
// every request a replica is serving and everything in its queue; the replica
// accepts nothing until it restarts. Where the crash falls relative to the
// commit decides the damage: before the commit the charge never happens (the
// client retries, harmlessly with or without keys); after the commit the charge
// stands but the reply is never sent (the client retries and, without a key,
// pays twice: crash_replay).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/distribution.h"

namespace dupsim {

enum class CrashPoint {
  kBeforeCommit,  // requests in service die uncharged
  kAfterCommit,   // requests in service are charged, then die unanswered
};

struct ScheduledCrash {
  Time at = 0;                // virtual time of the crash
  std::uint32_t replica = 0;  // which replica, 0-based
};

struct ServerCrashOptions {
  double rate_per_hour = 0.0;            // random crashes per replica (a Poisson process while up)
  std::vector<ScheduledCrash> schedule;  // crashes at fixed times, in addition
  DistributionPtr restart;               // downtime after a crash (required when crashes happen)
  CrashPoint point = CrashPoint::kAfterCommit;

  bool Enabled() const { return rate_per_hour > 0 || !schedule.empty(); }
};

}  // namespace dupsim
