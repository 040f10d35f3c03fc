// `dupsim explain`'s model: one duplicated intent of a scenario, its story as
// the parties reported it, and what every other strategy would have done to
// it. Built by running worlds with trace sinks (sim/explain/trace_collectors.h);
// rendered as text, Mermaid, SVG or HTML (sim/explain/renderers.h).
//
// Every intent draws from its own random streams, so the same intent under the
// same seed meets the same user and the same network under every strategy: the
// counterfactual runs replay this very payment, not a similar one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/root_cause.h"
#include "metrics/run_result.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/trace_sink.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

struct ExplainRequest {
  // The strategy whose duplicate to explain; none: the first of the scenario's own list
  // whose run has the duplicate asked for.
  std::optional<ConfiguredStrategy> strategy;
  std::optional<RootCause> cause;  // only intents whose first duplicate charge has this cause
  std::uint64_t nth = 1;           // the nth such intent in intent order, 1-based
  unsigned threads = 0;            // for the counterfactual runs; 0: one per core
  // How errors name the scenario ("double_tap under none: ..."); empty: its name.
  std::string scenario_label;
  // Registered strategies to compare with besides the scenario's own, in this order; empty:
  // every registered one. A fixed list keeps an output (a golden file) as it is when a
  // strategy is added.
  std::vector<std::string> against;
};

// What one strategy did to the explained intent, and to the whole run.
struct CounterfactualRow {
  std::string strategy;  // as Alternative::shown

  bool explained = false;     // the strategy whose story is told
  std::uint32_t charges = 0;  // the explained intent's
  std::uint32_t refunds = 0;  // of its duplicates, refunded after the fact
  RunResult run;

  bool Prevented() const { return charges <= 1; }
};

struct Explanation {
  std::string scenario;  // Scenario::name
  std::uint64_t seed = 0;
  std::uint64_t intents = 0;
  std::string strategy;  // the explained strategy's label
  bool uses_key_store = false;
  bool has_load_balancer = false;

  std::uint32_t intent = 0;
  RootCause cause = RootCause::kDoubleTap;  // of its first duplicate charge
  std::optional<RootCause> cause_filter;    // as asked
  std::uint64_t nth = 1;                    // which of the candidates it is
  std::uint64_t candidates = 0;             // duplicated intents (with that cause, if asked)

  std::vector<TraceRecord> story;  // every record of the intent, in virtual-time order
  std::vector<CounterfactualRow> counterfactual;  // the explained strategy first

  std::uint32_t Charges() const;  // of the intent under the explained strategy
};

// Throws InputError when the strategy leaves no such intent, or fewer than `nth`.
Explanation Explain(const Scenario& scenario, const ExplainRequest& request);

// A strategy to compare against, and how tables name it: its label for the scenario's own
// ("client_debounce(window=1s)"), its bare name when it runs with its defaults, whose labels
// can fill a line ("risk_score"; `dupsim list` and scenarios/README.md give the defaults).
struct Alternative {
  ConfiguredStrategy strategy;
  std::string shown;
};

// The scenario's own strategies, then the registered ones named in `against` (empty: every
// registered one, by name) with their default parameters, each label once.
std::vector<Alternative> CounterfactualStrategies(const Scenario& scenario,
                                                  const std::vector<std::string>& against = {});

// `--cause` names: "double_tap", ...; nullopt for an unknown name.
std::optional<RootCause> RootCauseNamed(const std::string& name);
std::string RootCauseNames();  // "double_tap, client_retry, ..." for error messages

}  // namespace dupsim
