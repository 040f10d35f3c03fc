#include "sim/explain/explanation.h"

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>

#include "sim/explain/trace_collectors.h"
#include "sim/input/input_error.h"
#include "sim/run/parallel_jobs.h"
#include "sim/run/world.h"

namespace dupsim {
namespace {

// The duplicated intents of one run that match the request, in intent order.
struct Candidates {
  RunResult run;
  std::vector<std::uint32_t> intents;
  std::vector<TraceRecord> duplicates;  // every duplicate charge of the run, as booked
};

Candidates FindCandidates(const Scenario& scenario, const ConfiguredStrategy& strategy,
                          std::optional<RootCause> cause) {
  DuplicateChargeCollector collector;
  // Worlds hold per-intent tables: on the heap, not the stack.
  auto world = std::make_unique<World>(scenario, strategy);
  world->SetTraceSink(&collector);
  Candidates found{world->Run(), {}, collector.duplicates()};
  for (const TraceRecord& r : found.duplicates) {
    const ChargedDetail charge = ChargedDetail::Unpack(r.detail);
    // An intent's first duplicate is its charge number 1: it decides the intent's cause.
    if (charge.ordinal == 1 && (!cause || charge.cause == *cause))
      found.intents.push_back(r.intent);
  }
  std::sort(found.intents.begin(), found.intents.end());
  return found;
}

std::vector<TraceRecord> DuplicatesOf(const std::vector<TraceRecord>& records,
                                      std::uint32_t intent) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : records) {
    if (r.intent == intent && r.kind == static_cast<std::uint16_t>(TraceKind::kCharged) &&
        ChargedDetail::Unpack(r.detail).duplicate) {
      out.push_back(r);
    }
  }
  return out;
}

bool SameCharges(const std::vector<TraceRecord>& a, const std::vector<TraceRecord>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const TraceRecord& x, const TraceRecord& y) {
                      return x.at == y.at && x.detail == y.detail && x.checkout == y.checkout &&
                             x.tap == y.tap && x.attempt == y.attempt;
                    });
}

std::string WhatIsMissing(std::optional<RootCause> cause) {
  return cause ? "no intent first duplicated by " + std::string(RootCauseName(*cause))
               : "no duplicated intent";
}

std::string LabelsOf(const std::vector<ConfiguredStrategy>& strategies) {
  std::string out;
  for (const ConfiguredStrategy& s : strategies) out += (out.empty() ? "" : ", ") + s.label;
  return out;
}

struct Target {
  const ConfiguredStrategy* strategy;
  Candidates candidates;
};

Target PickTarget(const Scenario& scenario, const ExplainRequest& request,
                  const std::string& label) {
  if (request.strategy) {
    Target target{&*request.strategy, FindCandidates(scenario, *request.strategy, request.cause)};
    const std::size_t count = target.candidates.intents.size();
    const std::string where = label + " under " + request.strategy->label;
    if (count == 0) throw InputError(where + ": " + WhatIsMissing(request.cause));
    if (count < request.nth) {
      throw InputError(where + ": " + std::to_string(count) +
                       (request.cause ? " intents first duplicated by " +
                                            std::string(RootCauseName(*request.cause))
                                      : " duplicated intents") +
                       ", fewer than --nth " + std::to_string(request.nth));
    }
    return target;
  }
  // The scenario's own list, in order: normally `none` comes first and has the duplicates.
  std::string counts;
  for (const ConfiguredStrategy& s : scenario.strategies) {
    Target target{&s, FindCandidates(scenario, s, request.cause)};
    if (target.candidates.intents.size() >= request.nth) return target;
    counts += (counts.empty() ? "" : ", ") + s.label + ": " +
              std::to_string(target.candidates.intents.size());
  }
  if (request.nth == 1) {
    throw InputError(label + ": " + WhatIsMissing(request.cause) +
                     " under any of its strategies (" + LabelsOf(scenario.strategies) +
                     "); name one with --strategy");
  }
  throw InputError(
      label + ": none of its strategies leaves " + std::to_string(request.nth) +
      (request.cause ? " intents first duplicated by " + std::string(RootCauseName(*request.cause))
                     : " duplicated intents") +
      " (--nth; " + counts + ")");
}

// Runs every strategy but the explained one, on up to `threads` threads; each run writes
// only its own row, so the rows never depend on the threads.
std::vector<CounterfactualRow> ReplayUnder(const Scenario& scenario,
                                           const std::vector<Alternative>& strategies,
                                           std::uint32_t intent, unsigned threads) {
  std::vector<CounterfactualRow> rows(strategies.size());
  RunJobsInParallel(strategies.size(), threads, [&](std::size_t i) {
    IntentChargeCounter counter(intent);
    auto world = std::make_unique<World>(scenario, strategies[i].strategy);
    world->SetTraceSink(&counter);
    rows[i].run = world->Run();
    rows[i].strategy = strategies[i].shown;
    rows[i].charges = counter.charges();
    rows[i].refunds = counter.refunds();
  });
  return rows;
}

}  // namespace

std::uint32_t Explanation::Charges() const {
  return static_cast<std::uint32_t>(
      std::count_if(story.begin(), story.end(), [](const TraceRecord& r) {
        return r.kind == static_cast<std::uint16_t>(TraceKind::kCharged);
      }));
}

Explanation Explain(const Scenario& scenario, const ExplainRequest& request) {
  const std::string label = request.scenario_label.empty() ? scenario.name : request.scenario_label;
  Target target = PickTarget(scenario, request, label);
  const ConfiguredStrategy& strategy = *target.strategy;

  Explanation e;
  e.scenario = scenario.name;
  e.seed = scenario.seed;
  e.intents = scenario.intents;
  e.strategy = strategy.label;
  e.uses_key_store = UsesKeyStore(*strategy.make());
  e.has_load_balancer = scenario.load_balancer.enabled;
  e.intent = target.candidates.intents[request.nth - 1];
  e.cause_filter = request.cause;
  e.nth = request.nth;
  e.candidates = target.candidates.intents.size();

  // The same world again, listening to that one intent only.
  IntentRecorder recorder(e.intent);
  auto world = std::make_unique<World>(scenario, strategy);
  world->SetTraceSink(&recorder);
  world->Run();
  e.story = recorder.records();
  const std::vector<TraceRecord> booked = DuplicatesOf(target.candidates.duplicates, e.intent);
  // Two runs of one world are one run: anything else is a simulator bug, not bad input.
  if (!SameCharges(DuplicatesOf(e.story, e.intent), booked)) {
    throw std::logic_error("explain: the replay of intent " + std::to_string(e.intent) + " under " +
                           strategy.label + " charged it differently");
  }
  e.cause = ChargedDetail::Unpack(booked.front().detail).cause;

  CounterfactualRow explained;
  explained.strategy = strategy.label;
  explained.explained = true;
  explained.charges = e.Charges();
  explained.refunds = static_cast<std::uint32_t>(
      std::count_if(e.story.begin(), e.story.end(), [](const TraceRecord& r) {
        return r.kind == static_cast<std::uint16_t>(TraceKind::kRefunded);
      }));
  explained.run = std::move(target.candidates.run);
  e.counterfactual.push_back(std::move(explained));

  std::vector<Alternative> others;
  for (Alternative& a : CounterfactualStrategies(scenario, request.against)) {
    if (a.strategy.label != strategy.label) others.push_back(std::move(a));
  }
  for (CounterfactualRow& row : ReplayUnder(scenario, others, e.intent, request.threads)) {
    e.counterfactual.push_back(std::move(row));
  }
  return e;
}

std::vector<Alternative> CounterfactualStrategies(const Scenario& scenario,
                                                  const std::vector<std::string>& against) {
  std::vector<Alternative> out;
  std::set<std::string> labels;
  for (const ConfiguredStrategy& s : scenario.strategies) {
    if (labels.insert(s.label).second) out.push_back({s, s.label});
  }
  const StrategyRegistry& registry = StrategyRegistry::Builtin();
  std::vector<std::string> names = against;
  if (names.empty()) {
    for (const StrategyInfo* info : registry.All()) names.push_back(info->name);
  }
  for (const std::string& name : names) {
    ConfiguredStrategy s =
        registry.Configure(name, StrategyParams("strategy", SourcePos{"explain", 0, 0}));
    if (labels.insert(s.label).second) out.push_back({std::move(s), name});
  }
  return out;
}

std::optional<RootCause> RootCauseNamed(const std::string& name) {
  for (std::size_t i = 0; i < kRootCauseCount; ++i) {
    const auto cause = static_cast<RootCause>(i);
    if (RootCauseName(cause) == name) return cause;
  }
  return std::nullopt;
}

std::string RootCauseNames() {
  std::string out;
  for (std::size_t i = 0; i < kRootCauseCount; ++i) {
    out += (i == 0 ? "" : ", ") + std::string(RootCauseName(static_cast<RootCause>(i)));
  }
  return out;
}

}  // namespace dupsim
