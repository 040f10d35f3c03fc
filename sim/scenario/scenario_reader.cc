#include "sim/scenario/scenario_reader.h"

#include <limits>
#include <memory>

#include "sim/engine/duration_text.h"
#include "sim/input/money.h"
#include "sim/scenario/after_the_fact_reader.h"
#include "sim/scenario/distribution_registry.h"
#include "sim/scenario/network_reader.h"
#include "sim/scenario/server_reader.h"
#include "sim/scenario/strategy_spec_reader.h"
#include "sim/scenario/user_behaviour_reader.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

constexpr std::uint64_t kMaxAttempts = 20;
// Above any plausible user; the client app keeps a page per (intent, checkout), so the
// bound also caps memory (sim/scenario/scenario.h, kMaxIntents).
constexpr std::uint64_t kMaxPayAgainLimit = 10;
constexpr Time kDefaultPatience = 30 * kSecond;
constexpr Money kDefaultAmount = 1000;  // 10.00: amounts matter only where a scenario sets them

DistributionPtr Constant(Time value) {
  return std::make_shared<ConstantDistribution>(value);
}

DistributionPtr ReadDistribution(const YamlMapReader& map, std::string_view key,
                                 DistributionPtr fallback) {
  auto value = map.Find(key);
  return value ? DistributionRegistry::Builtin().Read(*value) : fallback;
}

double ReadPositiveNumber(const YamlValue& value) {
  const double number = value.Number();
  if (!(number > 0)) value.Fail("must be > 0, got " + value.node().Scalar());
  return number;
}

ArrivalStage ReadArrivalStage(const YamlValue& value) {
  const YamlMapReader stage(value, {"duration", "target_rate_per_s"});
  const YamlValue duration = stage.Get("duration");
  ArrivalStage s{duration.Duration(), stage.Get("target_rate_per_s").Number()};
  if (s.duration == 0) duration.Fail("must be > 0, got 0");
  if (!(s.target_rate_per_s >= 0)) {
    stage.Get("target_rate_per_s").Fail("must be >= 0, got " + std::to_string(s.target_rate_per_s));
  }
  return s;
}

Scenario::Arrivals ReadArrivals(const YamlValue& value) {
  const YamlMapReader arrivals(value, {"rate_per_s", "stages"});
  Scenario::Arrivals a;
  const auto stages = arrivals.Find("stages");
  if (!stages) {
    a.rate_per_s = ReadPositiveNumber(arrivals.Get("rate_per_s"));
    return a;
  }
  // With stages the start rate may be 0 (a ramp up from nothing), but the last target may not:
  // the remaining intents would never arrive.
  const YamlValue start = arrivals.Get("rate_per_s");
  a.rate_per_s = start.Number();
  if (!(a.rate_per_s >= 0)) start.Fail("must be >= 0, got " + start.node().Scalar());
  const std::vector<YamlValue> items = stages->Items();
  if (items.empty()) stages->Fail("list at least one stage, or leave stages out");
  for (const YamlValue& item : items) a.stages.push_back(ReadArrivalStage(item));
  if (a.stages.back().target_rate_per_s == 0) {
    items.back().Fail(
        "the last stage's target_rate_per_s must be > 0 (the rate stays there "
        "until every intent has arrived)");
  }
  return a;
}

void ReadDoubleTap(const YamlValue& value, Scenario::User& user) {
  const YamlMapReader double_tap(value, {"probability", "gap"});
  user.double_tap_probability = double_tap.Get("probability").Probability();
  user.double_tap_gap = ReadDistribution(double_tap, "gap", user.double_tap_gap);
}

Scenario::User ReadUser(const YamlValue& value, Scenario::User user) {
  const YamlMapReader reader(
      value, {"double_tap", "patience", "pay_again_without_confirmation", "pay_again_limit",
              "amount", "status_query", "legitimate_repeat", "fraud"});
  if (auto double_tap = reader.Find("double_tap")) ReadDoubleTap(*double_tap, user);
  user.patience = ReadDistribution(reader, "patience", user.patience);
  user.pay_again_probability =
      reader.Probability("pay_again_without_confirmation", user.pay_again_probability);
  if (auto limit = reader.Find("pay_again_limit")) {
    user.pay_again_limit = static_cast<std::uint32_t>(limit->Count(0, kMaxPayAgainLimit));
  }
  if (auto amount = reader.Find("amount")) {
    user.amount = DistributionRegistry::Builtin().Read(*amount, Quantity::kMoney);
  }
  ReadUserBehaviour(reader, user);
  return user;
}

void ReadRetry(const YamlValue& value, Scenario::Client& client) {
  const YamlMapReader retry(value, {"max_attempts", "backoff"});
  if (auto attempts = retry.Find("max_attempts")) {
    client.max_attempts = static_cast<std::uint32_t>(attempts->Count(1, kMaxAttempts));
  }
  auto backoff_value = retry.Find("backoff");
  if (!backoff_value) return;
  const YamlMapReader backoff(*backoff_value, {"base", "cap", "jitter"});
  client.backoff_base = backoff.Duration("base", client.backoff_base);
  client.backoff_cap = backoff.Duration("cap", client.backoff_cap);
  if (client.backoff_cap < client.backoff_base) {
    // Point at whichever of the two was written; the other one is the default.
    const YamlValue culprit = backoff.Find("cap") ? backoff.Get("cap") : backoff.Get("base");
    culprit.Fail("cap (" + DurationInLargestExactUnit(client.backoff_cap) +
                 ") must not be less than base (" +
                 DurationInLargestExactUnit(client.backoff_base) + ")");
  }
  if (auto jitter = backoff.Find("jitter")) {
    client.jitter = jitter->Choice({"none", "full"}) == 0 ? Jitter::kNone : Jitter::kFull;
  }
}

Scenario::Client ReadClient(const YamlValue& value, Scenario::Client client) {
  const YamlMapReader reader(value, {"timeout", "retry", "idempotency_key", "response_confirms"});
  if (auto timeout = reader.Find("timeout")) {
    client.timeout = timeout->Duration();
    if (client.timeout == 0) timeout->Fail("must be > 0, got " + timeout->node().Scalar());
  }
  if (auto retry = reader.Find("retry")) ReadRetry(*retry, client);
  if (auto scope = reader.Find("idempotency_key")) {
    client.key_scope = scope->Choice({"per_intent", "per_attempt"}) == 0 ? KeyScope::kPerIntent
                                                                         : KeyScope::kPerAttempt;
  }
  client.response_confirms = reader.Bool("response_confirms", client.response_confirms);
  return client;
}

Scenario::Confirmation ReadConfirmation(const YamlValue& value,
                                        Scenario::Confirmation confirmation) {
  const YamlMapReader reader(value, {"delay", "loss", "redelivery"});
  confirmation.delay = ReadDistribution(reader, "delay", confirmation.delay);
  confirmation.loss_probability = reader.Probability("loss", confirmation.loss_probability);
  if (auto redelivery = reader.Find("redelivery")) {
    const YamlMapReader again(*redelivery, {"probability", "delay", "max_deliveries"});
    confirmation.redelivery_probability = again.Get("probability").Probability();
    confirmation.redelivery_delay = DistributionRegistry::Builtin().Read(again.Get("delay"));
    if (auto most = again.Find("max_deliveries")) {
      confirmation.max_deliveries = static_cast<std::uint32_t>(most->Count(1, 255));
    }
  }
  return confirmation;
}

std::vector<StrategySpec> ReadStrategies(const YamlValue& value) {
  const std::vector<YamlValue> items = value.Items();
  if (items.empty()) value.Fail("list at least one strategy");
  std::vector<StrategySpec> strategies;
  for (std::size_t i = 0; i < items.size(); ++i) {
    StrategySpec spec = ReadStrategySpec(items[i]);
    if (auto j = FindSameStrategy(strategies, spec.strategy)) {
      items[i].Fail(spec.strategy.label + " is already listed as strategies[" + std::to_string(*j) +
                    "]");
    }
    strategies.push_back(std::move(spec));
  }
  return strategies;
}

std::vector<StrategySpec> DefaultStrategies() {
  const StrategyRegistry& registry = StrategyRegistry::Builtin();
  return {{registry.Configure("none", StrategyParams("strategies", {})), {}},
          {registry.Configure("idempotency_key", StrategyParams("strategies", {})), {}}};
}

// Every distribution starts as a constant, so an absent key never leaves a null pointer.
Scenario WithDefaultDistributions() {
  Scenario scenario;
  scenario.user.double_tap_gap = Constant(0);
  scenario.user.patience = Constant(kDefaultPatience);
  scenario.user.amount = Constant(kDefaultAmount);
  scenario.network.request.latency = Constant(0);
  scenario.network.response.latency = Constant(0);
  scenario.server.processing = Constant(0);
  scenario.confirmation.delay = Constant(0);
  scenario.reconciliation = DefaultReconciliation();  // off, but ready for reconcile_and_refund
  // What the app's status query costs under query_before_retry when the scenario sets none.
  scenario.user.status_query.latency = Constant(100 * kMillisecond);
  return scenario;
}

}  // namespace

Scenario ReadScenario(const YamlValue& root) {
  if (!root.IsMap()) {
    root.Fail("expected a scenario: a map with at least name, intents and arrivals; got " +
              root.Describe());
  }
  const YamlMapReader reader(root, {"name", "description", "cause", "seed", "intents", "arrivals",
                                    "user", "client", "network", "server", "load_balancer",
                                    "confirmation", "reconciliation", "support", "strategies"});
  Scenario scenario = WithDefaultDistributions();
  const YamlValue name = reader.Get("name");
  scenario.name = name.Text();
  if (scenario.name.empty()) name.Fail("must not be empty");
  if (auto description = reader.Find("description")) scenario.description = description->Text();
  if (auto cause = reader.Find("cause")) {
    scenario.cause =
        kAllCauses[cause->Choice({CauseName(kAllCauses[0]), CauseName(kAllCauses[1]),
                                  CauseName(kAllCauses[2]), CauseName(kAllCauses[3])})];
  }
  if (auto seed = reader.Find("seed")) {
    scenario.seed = seed->Count(0, std::numeric_limits<std::uint64_t>::max());
  }
  scenario.intents = reader.Get("intents").Count(1, kMaxIntents);
  scenario.arrivals = ReadArrivals(reader.Get("arrivals"));
  if (auto user = reader.Find("user")) scenario.user = ReadUser(*user, scenario.user);
  if (auto client = reader.Find("client")) scenario.client = ReadClient(*client, scenario.client);
  if (auto network = reader.Find("network")) {
    scenario.network = ReadNetwork(*network, scenario.network);
  }
  if (auto server = reader.Find("server")) scenario.server = ReadServer(*server, scenario.server);
  if (auto balancer = reader.Find("load_balancer")) {
    scenario.load_balancer = ReadLoadBalancer(*balancer);
  }
  if (auto confirmation = reader.Find("confirmation")) {
    scenario.confirmation = ReadConfirmation(*confirmation, scenario.confirmation);
  }
  if (auto reconciliation = reader.Find("reconciliation")) {
    scenario.reconciliation = ReadReconciliation(*reconciliation);
  }
  if (auto support = reader.Find("support")) scenario.support = ReadSupport(*support);
  auto strategies = reader.Find("strategies");
  UseStrategies(strategies ? ReadStrategies(*strategies) : DefaultStrategies(), scenario);
  return scenario;
}

}  // namespace dupsim
