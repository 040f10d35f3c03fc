// What one run (one scenario under one strategy) measured. Counts are exact:
// the simulator knows which intent every charge belongs to. Renderers in
// reports/ turn a list of these into tables, JSON and the rest.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "metrics/count_rate_interval.h"
#include "metrics/idle_mechanism.h"
#include "metrics/root_cause.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

// A count of events over trials with its 95% interval: either k of n (each trial has the
// event or not) or events per trial when one trial can have several (duplicate charges per
// intent), which can exceed 1. The interval always contains `rate`.
struct RateEstimate {
  std::uint64_t count = 0;       // sum over trials of x_i, the events in trial i
  std::uint64_t square_sum = 0;  // sum of x_i^2: equal to count when every x_i is 0 or 1
  std::uint64_t trials = 0;
  double rate = 0;  // count / trials
  Interval ci95;

  // k of n, with its Wilson interval. Precondition: count <= trials.
  static RateEstimate Of(std::uint64_t count, std::uint64_t trials);
  // Events per trial, with the score interval of metrics/count_rate_interval.h (Wilson's when
  // no trial has two events). Precondition: count <= square_sum.
  static RateEstimate OfCounts(std::uint64_t count, std::uint64_t square_sum, std::uint64_t trials);
};

struct RunResult {
  std::string scenario;         // Scenario::name
  std::string scenario_source;  // path or "<bundled>/x.yaml"
  std::string strategy;         // registry name
  std::string strategy_config;  // Describe(): name with every parameter
  std::uint64_t seed = 0;

  std::uint64_t intents = 0;
  std::uint64_t charges = 0;
  std::uint64_t duplicate_charges = 0;        // charges beyond the first of each intent
  std::uint64_t intents_with_duplicates = 0;  // intents charged more than once
  // duplicate_charges / intents: duplicate charges per intent, above 1 when intents are
  // charged three times or more; its interval comes from the per-intent counts' spread.
  RateEstimate duplicate_rate;
  // intents_with_duplicates / intents: the share of intents charged more than once (Wilson).
  RateEstimate duplicated_intent_rate;
  RootCauseCounts duplicates_by_cause{};  // sums to duplicate_charges
  std::int64_t charged_amount = 0;        // cents, every charge
  std::int64_t duplicate_amount = 0;      // cents, charges beyond each intent's first
  std::uint64_t lost_payments = 0;        // intents that ended with no charge
  RateEstimate lost_payment_rate;
  // Intents that ended with no charge after a defence stopped a payment their user meant:
  // the server declined a request as a likely duplicate, the app refused a first tap, the
  // user answered a prompt "no" by mistake or left a review screen. The price of defences
  // that block payments looking like repeats.
  std::uint64_t false_blocks = 0;
  RateEstimate false_block_rate;

  // What the parties did, for explaining the figures above.
  std::uint64_t taps = 0;                // Pay taps by users, all checkouts
  std::uint64_t taps_swallowed = 0;      // taps a strategy or a closed page ignored
  std::uint64_t pay_agains = 0;          // new checkouts opened because no confirmation came
  std::uint64_t attempts = 0;            // HTTP attempts the client apps sent
  std::uint64_t retries = 0;             // attempts beyond each submission's first
  std::uint64_t timeouts = 0;            // attempts the client gave up waiting for
  std::uint64_t replayed_responses = 0;  // answers the server gave from its key store
  std::uint64_t requests_rejected = 0;   // shed by a server whose queue was full
  std::uint64_t requests_declined = 0;   // refused by the strategy as likely duplicates
  std::uint64_t server_crashes = 0;
  std::uint64_t requests_killed = 0;     // in service or queued when their server crashed
  std::uint64_t proxy_retries = 0;       // load balancer tries beyond the first
  std::uint64_t gateway_timeouts = 0;    // requests the load balancer answered with a timeout
  std::uint64_t queue_redeliveries = 0;  // ledger writes beyond each command's first
  std::uint64_t notifications_redelivered = 0;  // "you paid" deliveries beyond each one's first
  std::uint64_t confirmed_intents = 0;          // intents whose user learned they had paid
  std::uint64_t legitimate_repeats = 0;         // intents that repeat the one before on purpose
  std::uint64_t status_queries = 0;             // payments looked up before paying again
  std::uint64_t fraud_payments = 0;             // checkouts scammers talked confirmed users into
  // From an intent's first tap to its user learning it was paid (app or notification),
  // over confirmed intents; nearest-rank percentiles, 0 when none was confirmed.
  Time time_to_confirmation_p50 = 0;
  Time time_to_confirmation_p99 = 0;
  // The whole distribution, for CDF charts: entry k is the nearest-rank k-th percentile
  // (k = 0..100) of the times to confirmation; empty when nobody was confirmed.
  std::vector<Time> time_to_confirmation_percentiles;

  // After the fact (fakes/reconciler.h, fakes/support_desk.h): refunds of duplicates
  // and what duplicates cost until then.
  std::uint64_t refunded_duplicates = 0;  // duplicate charges refunded, in full or in part
  std::int64_t refunded_amount = 0;       // cents given back; charged_amount minus it is kept
  // From a duplicate's commit to its refund, over refunded duplicates; nearest-rank
  // percentiles, 0 when nothing was refunded.
  Time time_to_refund_p50 = 0;
  Time time_to_refund_p99 = 0;
  // Currency units x hours: each duplicate's unrefunded money until its refund, or until
  // virtual_end for money never given back.
  double money_hours_held = 0;
  std::uint64_t support_contacts = 0;  // users who saw an unrefunded duplicate and called

  // What the defence cost, beyond false blocks, lost payments and refunds above.
  std::uint64_t prompts_shown = 0;    // screens asking the user: "Pay again?" and review steps
  std::uint64_t prompts_refused = 0;  // "no" answers and review screens left
  std::uint64_t taps_blocked = 0;     // taps the app refused as likely repeats
  std::uint64_t conflicts = 0;        // requests answered 409 (key's first still in flight)
  std::uint64_t inbox_skips = 0;      // redeliveries consumers' inboxes recognised and dropped
  std::uint64_t duplicate_notifications_handled = 0;  // redeliveries a handler acted on again
  // Dedup entries (keys, inbox ids, fingerprints) held at once at the peak, summed over the
  // tables that hold them.
  std::uint64_t peak_keys_held = 0;
  // Time to confirmation minus that of the `none` run of the same scenario and seed, when
  // the same report has one and both runs confirmed some intent (has_baseline); filled by
  // the runner.
  bool has_baseline = false;
  Time extra_time_to_confirmation_p50 = 0;
  Time extra_time_to_confirmation_p99 = 0;

  std::uint64_t events = 0;  // simulator events processed
  Time virtual_end = 0;      // virtual time when the last event fired

  // Scenario knobs that were configured but whose counter above stayed 0, in the order of
  // sim/run/idle_mechanisms.cc; filled by the runner.
  std::vector<IdleMechanism> idle_mechanisms;
  // The scenario's effective parameters, (key, value) pairs sorted by key, and their
  // fingerprint (sim/scenario/scenario_fingerprint.h): what `check --baseline` compares to
  // tell a changed scenario from a regression. Both empty for a result read from a report
  // written before they existed: unknown, not "no parameters".
  std::string scenario_fingerprint;
  std::vector<std::pair<std::string, std::string>> scenario_parameters;
};

}  // namespace dupsim
