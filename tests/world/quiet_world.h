// Scenarios built in code for closed-form tests: a world with no faults and
// constant delays, to which each test adds the one mechanism it isolates.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "metrics/run_result.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/after_the_fact_reader.h"
#include "sim/scenario/scenario.h"

namespace dupsim::testing {

inline DistributionPtr Constant(Time t) {
  return std::make_shared<ConstantDistribution>(t);
}

// 10 ms each way, 10 ms processing, 1 s timeout, confirmations after 100 ms,
// patience 30 s: every request is answered long before any timer fires.
inline Scenario QuietWorld(std::uint64_t intents = 20000, std::uint64_t seed = 11) {
  Scenario s;
  s.name = "quiet";
  s.source = "<test>";
  s.seed = seed;
  s.intents = intents;
  s.arrivals.rate_per_s = 100;
  s.user.double_tap_gap = Constant(5 * kMillisecond);
  s.user.patience = Constant(30 * kSecond);
  s.user.amount = Constant(1000);                              // 10.00 per intent
  s.reconciliation = DefaultReconciliation();                  // off, unless a strategy turns it on
  s.user.status_query.latency = Constant(100 * kMillisecond);  // for query_before_retry
  s.client.timeout = kSecond;
  s.client.max_attempts = 3;
  s.network.request.latency = Constant(10 * kMillisecond);
  s.network.response.latency = Constant(10 * kMillisecond);
  s.server.processing = Constant(10 * kMillisecond);
  s.confirmation.delay = Constant(100 * kMillisecond);
  return s;
}

// Two runs that must be the same run: same charges, causes, events and end.
inline void ExpectSameRun(const RunResult& a, const RunResult& b) {
  EXPECT_EQ(a.charges, b.charges);
  EXPECT_EQ(a.duplicate_charges, b.duplicate_charges);
  EXPECT_EQ(a.duplicates_by_cause, b.duplicates_by_cause);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.virtual_end, b.virtual_end);
}

// Duplicates of one root cause in a run.
inline std::uint64_t ByCause(const RunResult& r, RootCause cause) {
  return r.duplicates_by_cause[static_cast<std::size_t>(cause)];
}

inline ConfiguredStrategy Strategy(const std::string& name,
                                   std::vector<std::pair<std::string, std::string>> params = {}) {
  StrategyParams p("strategy", SourcePos{"<test>", 0, 0});
  for (auto& [k, v] : params) p.Add(k, {v, SourcePos{"<test>", 0, 0}});
  return StrategyRegistry::Builtin().Configure(name, std::move(p));
}

}  // namespace dupsim::testing
