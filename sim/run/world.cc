#include "sim/run/world.h"

#include <cassert>

#include "metrics/duplicate_counter.h"
#include "metrics/percentile.h"
#include "sim/run/invariant_checker.h"

namespace dupsim {
namespace {

RandomStream StreamOf(const Scenario& s, const char* component) {
  return RandomStream::ForComponent(s.seed, component);
}

ClientAppOptions ClientOptionsOf(const Scenario& s) {
  ClientAppOptions o;
  o.timeout = s.client.timeout;
  o.max_attempts = s.client.max_attempts;
  o.backoff_base = s.client.backoff_base;
  o.backoff_cap = s.client.backoff_cap;
  o.jitter = s.client.jitter;
  o.key_scope = s.client.key_scope;
  o.response_confirms = s.client.response_confirms;
  o.checkouts_per_intent = s.user.pay_again_limit + 1;
  return o;
}

UserOptions UserOptionsOf(const Scenario& s) {
  return UserOptions{s.user.double_tap_probability, s.user.double_tap_gap, s.user.patience,
                     s.user.pay_again_probability, s.user.pay_again_limit};
}

}  // namespace

World::World(const Scenario& scenario, const ConfiguredStrategy& strategy)
    : scenario_(scenario),
      configured_(strategy),
      intents_(static_cast<std::uint32_t>(scenario.intents)),
      strategy_(strategy.make()),
      catalog_(intents_, *scenario.user.amount, StreamOf(scenario, "intent.amount")),
      store_(1024),  // grows by doubling: runs without keys never pay for a full table
      ledger_(intents_),
      client_(sim_, pool_, ClientOptionsOf(scenario), StreamOf(scenario, "client"), catalog_,
              *strategy_),
      user_(sim_, UserOptionsOf(scenario), StreamOf(scenario, "user"), intents_, client_),
      confirmation_(sim_, {scenario.confirmation.delay, scenario.confirmation.loss_probability},
                    StreamOf(scenario, "confirmation"), intents_, user_),
      server_(sim_, pool_, {scenario.server.processing}, StreamOf(scenario, "server"), intents_,
              {*strategy_, store_, ledger_, confirmation_}),
      request_link_(sim_, pool_,
                    WithPartitionsCutting(scenario.network.request, scenario.network.partitions,
                                          PartitionDirection::kRequest),
                    StreamOf(scenario, "network.request"), intents_, server_.handler_id(),
                    PaymentServer::kRequestArrived),
      response_link_(sim_, pool_,
                     WithPartitionsCutting(scenario.network.response, scenario.network.partitions,
                                           PartitionDirection::kResponse),
                     StreamOf(scenario, "network.response"), intents_, client_.handler_id(),
                     ClientApp::kResponseArrived),
      source_(sim_, scenario.arrivals.rate_per_s, StreamOf(scenario, "arrivals"), intents_, user_) {
  assert(scenario.intents >= 1 && scenario.intents <= 0xffffffffULL);
  client_.ConnectRequestLink(&request_link_);
  client_.ConnectListener(&user_);
  server_.ConnectResponseLink(&response_link_);
  // Capacity for the usual in-flight population, so the steady state never grows them.
  sim_.ReservePending(4096);
  pool_.Reserve(1024);
}

RunResult World::Run() {
  source_.Start();
  sim_.Run();
  RunBooks books;
  books.charges_per_intent = ledger_.ChargesPerIntent();
  books.charges = ledger_.Charges();
  books.stray_charges = ledger_.StrayCharges();
  books.first_stray_intent = ledger_.FirstStrayIntent();
  books.acknowledged = client_.Acknowledged();
  books.confirmed = user_.Confirmed();
  books.amounts = catalog_.Amounts();
  books.charged_amount = ledger_.ChargedAmount();
  books.duplicate_amount = ledger_.DuplicateAmount();
  CheckInvariants(books, scenario_.name + " under " + configured_.label);

  const DuplicateCount count = CountDuplicates(ledger_.ChargesPerIntent());
  RunResult r;
  r.scenario = scenario_.name;
  r.scenario_source = scenario_.source;
  r.strategy = configured_.name;
  r.strategy_config = configured_.label;
  r.seed = scenario_.seed;
  r.intents = count.intents;
  r.charges = count.charges;
  r.duplicate_charges = count.duplicate_charges;
  r.intents_with_duplicates = count.intents_with_duplicates;
  r.duplicate_rate = RateEstimate::Of(count.duplicate_charges, count.intents);
  r.duplicates_by_cause = ledger_.DuplicatesByCause();
  r.charged_amount = ledger_.ChargedAmount();
  r.duplicate_amount = ledger_.DuplicateAmount();
  r.lost_payments = count.lost_payments;
  r.lost_payment_rate = RateEstimate::Of(count.lost_payments, count.intents);
  r.taps = client_.counters().taps;
  r.taps_swallowed = client_.counters().taps_swallowed;
  r.pay_agains = user_.counters().pay_agains;
  r.attempts = client_.counters().attempts;
  r.timeouts = client_.counters().timeouts;
  r.replayed_responses = server_.counters().replayed;
  r.confirmed_intents = user_.counters().confirmed_intents;
  std::vector<Time> waits = user_.TimesToConfirmation();
  r.time_to_confirmation_p50 = NearestRankPercentile(waits, 0.50);
  r.time_to_confirmation_p99 = NearestRankPercentile(waits, 0.99);
  r.events = sim_.EventsProcessed();
  r.virtual_end = sim_.Now();
  return r;
}

}  // namespace dupsim
