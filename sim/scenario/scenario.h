// A scenario as the simulator consumes it: the world's parameters, already
// validated. Every fault knob is a documented field with its unit last in the
// name; the YAML format that fills it is described in scenarios/README.md and
// read by scenario_loader.h. Defaults are the values the loader uses when a key
// is absent.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/arrival_profile.h"
#include "fakes/client_app.h"
#include "fakes/confirmation_channel.h"
#include "fakes/intent_catalog.h"
#include "fakes/load_balancer.h"
#include "fakes/payment_server.h"
#include "fakes/reconciler.h"
#include "fakes/status_query_service.h"
#include "fakes/support_desk.h"
#include "fakes/user.h"
#include "metrics/expectation.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/distribution.h"
#include "sim/engine/virtual_time.h"
#include "sim/network/network_link.h"
#include "sim/scenario/cause.h"

namespace dupsim {

// One direction of the network: latency, loss and duplication (sim/network/network_link.h).
using LinkOptions = NetworkLinkOptions;

// KeyScope (per_intent, per_attempt) and Jitter (none, full) come from fakes/client_app.h.

// The most intents one run may simulate: a run holds about 100 bytes per intent.
inline constexpr std::uint64_t kMaxIntents = 100'000'000;

struct Scenario {
  std::string name;         // short identifier shown in reports
  std::string description;  // one or two sentences for people
  std::string source;       // where it was read from (path or "<bundled>/x.yaml")
  std::string text;         // the file as read: what reports show as its parameters
  // Which of the four causes it is about (sim/scenario/cause.h); none if the file has no `cause`.
  std::optional<Cause> cause;
  std::uint64_t seed = 1;
  std::uint64_t intents = 10000;  // payment intents to simulate, >= 1

  struct Arrivals {
    double rate_per_s = 10.0;  // Poisson arrival rate of intents, > 0 (the start rate with stages)
    std::vector<ArrivalStage> stages;  // k6-style ramps from rate_per_s (fakes/arrival_profile.h)
  } arrivals;

  struct User {
    double double_tap_probability = 0.0;  // a second tap on Pay after `double_tap_gap`
    DistributionPtr double_tap_gap;       // time from the first tap to the second
    DistributionPtr patience;             // how long a user waits for a confirmation
    double pay_again_probability = 0.0;   // unconfirmed when patience runs out -> pays again
                                          // on a new checkout (new page, new key)
    std::uint32_t pay_again_limit = 1;    // how many times one user may pay again
    DistributionPtr amount;               // what one intent pays, in cents (sim/input/money.h)
    // Before paying again unconfirmed, looks the payment up (fakes/status_query_service.h).
    double status_query_probability = 0.0;
    StatusQueryOptions status_query;            // its latency and failure probability
    LegitimateRepeatOptions legitimate_repeat;  // intents that repeat the one before on purpose
    FraudOptions fraud;                         // confirmed users scammed into paying again
  } user;

  struct Client {
    Time timeout = 3 * kSecond;      // per attempt; a late response is discarded
    std::uint32_t max_attempts = 1;  // HTTP attempts per submission, >= 1
    Time backoff_base = 200 * kMillisecond;
    Time backoff_cap = 2 * kSecond;
    Jitter jitter = Jitter::kFull;
    KeyScope key_scope = KeyScope::kPerIntent;
    bool response_confirms = true;  // the app shows "paid" on a success response; when
                                    // false only the confirmation channel tells the user
  } client;

  struct Network {
    LinkOptions request;   // app -> server
    LinkOptions response;  // server -> app
    // Scheduled outages, each cutting one direction or both (sim/network/partition.h);
    // the links get theirs through WithPartitionsCutting, so request.partitions and
    // response.partitions stay empty here.
    std::vector<Partition> partitions;
  } network;

  // Replicas, workers, queues, processing time and crashes (fakes/payment_server.h).
  using Server = PaymentServerOptions;
  Server server;

  // A proxy in front of the replicas, off unless the scenario has a `load_balancer` section.
  LoadBalancerOptions load_balancer;

  // The "you paid" notification: delay, loss, webhook-style redelivery
  // (fakes/confirmation_channel.h).
  using Confirmation = ConfirmationChannelOptions;
  Confirmation confirmation;

  // After the fact: the job that finds and refunds duplicates (enabled by a
  // `reconciliation` section), and users who notice one and contact support.
  ReconcilerOptions reconciliation;
  SupportDeskOptions support;

  std::vector<ConfiguredStrategy> strategies;  // compared in this order
  // What `dupsim check` expects of each strategy's results (its `expect:`), by its label, which
  // is unique in the list; a strategy without an entry expects nothing. Kept beside the list,
  // not in ConfiguredStrategy, so the strategy API stays free of CI expectations.
  std::map<std::string, std::vector<Expectation>> expectations;

  // The expectations of the strategy labelled `label`: none if it has no entry.
  const std::vector<Expectation>& ExpectationsOf(const std::string& label) const {
    static const std::vector<Expectation> kNone;
    const auto found = expectations.find(label);
    return found == expectations.end() ? kNone : found->second;
  }
};

}  // namespace dupsim
