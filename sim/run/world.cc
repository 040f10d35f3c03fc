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
  o.fraud_page = s.user.fraud.probability > 0;
  o.double_tap_probability = s.user.double_tap_probability;
  o.double_tap_gap = s.user.double_tap_gap;
  return o;
}

// The strategy may have every user look the payment up before paying again.
UserOptions UserOptionsOf(const Scenario& s, Strategy& strategy) {
  return UserOptions{
      s.user.double_tap_probability,
      s.user.double_tap_gap,
      s.user.patience,
      s.user.pay_again_probability,
      s.user.pay_again_limit,
      AppSetupOf(strategy).users_query_before_paying_again ? 1.0 : s.user.status_query_probability,
      s.user.fraud};
}

// The scenario's reconciliation job, switched on when the strategy runs one.
ReconcilerOptions ReconciliationFor(const Scenario& s, const Strategy& strategy) {
  ReconcilerOptions options = s.reconciliation;
  if (strategy.AfterTheFactLayer().reconciliation) options.enabled = true;
  return options;
}

}  // namespace

World::World(const Scenario& scenario, const ConfiguredStrategy& strategy)
    : scenario_(scenario),
      configured_(strategy),
      intents_(static_cast<std::uint32_t>(scenario.intents)),
      strategy_(strategy.make()),
      catalog_(intents_, *scenario.user.amount, StreamOf(scenario, "intent.amount"),
               scenario.user.legitimate_repeat, StreamOf(scenario, "intent.repeat")),
      store_(1024),  // grows by doubling: runs without keys never pay for a full table
      ledger_(intents_),
      status_queries_(sim_, scenario.user.status_query, StreamOf(scenario, "status_query"),
                      ledger_),
      client_(sim_, pool_, ClientOptionsOf(scenario), ClientAppStreams::ForSeed(scenario.seed),
              catalog_, strategy_->AppLayer()),
      user_(sim_, UserOptionsOf(scenario, *strategy_), UserStreams::ForSeed(scenario.seed),
            intents_, client_),
      confirmation_(sim_, scenario.confirmation, StreamOf(scenario, "confirmation"), intents_,
                    user_),
      ledger_queue_(sim_, scenario.server.ledger_queue, StreamOf(scenario, "ledger_queue"),
                    intents_, ledger_, confirmation_),
      server_(sim_, pool_, scenario.server, StreamOf(scenario, "server"),
              StreamOf(scenario, "server.crash"), intents_,
              {strategy_->ServerLayer(), store_, ledger_, confirmation_, ledger_queue_}),
      response_link_(sim_, pool_,
                     WithPartitionsCutting(scenario.network.response, scenario.network.partitions,
                                           PartitionDirection::kResponse),
                     StreamOf(scenario, "network.response"), intents_, client_.handler_id(),
                     ClientApp::kResponseArrived),
      balancer_(scenario.load_balancer.enabled
                    ? std::make_unique<LoadBalancer>(sim_, pool_, scenario.load_balancer, server_,
                                                     response_link_)
                    : nullptr),
      request_link_(sim_, pool_,
                    WithPartitionsCutting(scenario.network.request, scenario.network.partitions,
                                          PartitionDirection::kRequest),
                    StreamOf(scenario, "network.request"), intents_,
                    balancer_ ? balancer_->handler_id() : server_.handler_id(),
                    balancer_ ? static_cast<std::uint32_t>(LoadBalancer::kRequestArrived)
                              : static_cast<std::uint32_t>(PaymentServer::kRequestArrived)),
      source_(sim_, scenario.arrivals.rate_per_s, scenario.arrivals.stages,
              StreamOf(scenario, "arrivals"), catalog_, user_),
      reconciler_(sim_, ReconciliationFor(scenario, *strategy_),
                  StreamOf(scenario, "reconciliation"), ledger_),
      support_(sim_, scenario.support, StreamOf(scenario, "support"), ledger_) {
  assert(scenario.intents >= 1 && scenario.intents <= 0xffffffffULL);
  client_.ConnectRequestLink(&request_link_);
  client_.ConnectListener(&user_);
  user_.ConnectStatusQueries(&status_queries_);
  if (AppSetupOf(*strategy_).query_before_retry) client_.ConnectStatusQueries(&status_queries_);
  if (const std::optional<Time> retention = strategy_->ConsumerLayer().inbox_retention) {
    const Time kept = *retention == kNoExpiry ? HeldEntries::kForever : *retention;
    ledger_queue_.UseInbox(kept);
    confirmation_.UseInbox(kept);
  }
  server_.ConnectResponseLink(&response_link_);
  server_.ConnectLoadBalancer(balancer_.get());
  // The reconciler first: on a tie, a refund lands before a user checks for it.
  ledger_.AddChargeListener(&reconciler_);
  if (support_.Enabled()) ledger_.AddChargeListener(&support_);
  if (scenario.user.status_query.stale_by > 0) ledger_.AddChargeListener(&status_queries_);
  // Capacity for the usual in-flight population, so the steady state never grows them.
  sim_.ReservePending(4096);
  pool_.Reserve(1024);
}

RunResult World::Run(std::atomic<std::uint64_t>* intents_started) {
  source_.CountStartsIn(intents_started);
  source_.Start();
  server_.Start();
  sim_.Run();
  RunBooks books;
  books.charges_per_intent = ledger_.ChargesPerIntent();
  books.charges = ledger_.Charges();
  books.stray_charges = ledger_.StrayCharges();
  books.first_stray_intent = ledger_.FirstStrayIntent();
  books.acknowledged = client_.Acknowledged();
  books.confirmed = user_.Confirmed();
  books.amounts = catalog_.Amounts();
  books.charged_amount = ledger_.KeptAmount();
  books.refunded_amount = ledger_.RefundedAmount();
  books.refunds = ledger_.Refunds();
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
  r.duplicate_rate =
      RateEstimate::OfCounts(count.duplicate_charges, count.duplicate_square_sum, count.intents);
  r.duplicated_intent_rate = RateEstimate::Of(count.intents_with_duplicates, count.intents);
  r.duplicates_by_cause = ledger_.DuplicatesByCause();
  r.charged_amount = ledger_.ChargedAmount();
  r.duplicate_amount = ledger_.DuplicateAmount();
  r.lost_payments = count.lost_payments;
  r.lost_payment_rate = RateEstimate::Of(count.lost_payments, count.intents);
  const std::span<const std::uint8_t> blocked = client_.Blocked();
  const std::span<const std::uint32_t> charges = ledger_.ChargesPerIntent();
  for (std::size_t i = 0; i < charges.size(); ++i) r.false_blocks += charges[i] == 0 && blocked[i];
  r.false_block_rate = RateEstimate::Of(r.false_blocks, count.intents);
  FillCounters(r);
  r.events = sim_.EventsProcessed();
  r.virtual_end = sim_.Now();
  return r;
}

// The parties' own counters, as the run left them.
void World::FillCounters(RunResult& r) const {
  r.taps = client_.counters().taps;
  r.taps_swallowed = client_.counters().taps_swallowed;
  r.pay_agains = user_.counters().pay_agains;
  r.attempts = client_.counters().attempts;
  r.retries = client_.counters().attempts - client_.counters().submissions;
  r.timeouts = client_.counters().timeouts;
  r.replayed_responses = server_.counters().replayed;
  r.requests_rejected = server_.counters().rejected;
  r.requests_declined = server_.counters().declined;
  r.server_crashes = server_.counters().crashes;
  r.requests_killed = server_.counters().killed;
  r.queue_redeliveries = ledger_queue_.counters().redeliveries;
  r.notifications_redelivered = confirmation_.Redelivered();
  if (balancer_) {
    r.proxy_retries = balancer_->counters().retries;
    r.gateway_timeouts = balancer_->counters().gateway_timeouts;
  }
  r.confirmed_intents = user_.counters().confirmed_intents;
  r.legitimate_repeats = catalog_.LegitimateRepeats();
  r.status_queries = user_.counters().status_queries;
  r.fraud_payments = user_.counters().fraud_payments;
  std::vector<Time> waits = user_.TimesToConfirmation();
  r.time_to_confirmation_p50 = NearestRankPercentile(waits, 0.50);
  r.time_to_confirmation_p99 = NearestRankPercentile(waits, 0.99);
  r.time_to_confirmation_percentiles = PercentileTable(waits);
  r.refunded_duplicates = reconciler_.RefundedDuplicates();
  r.refunded_amount = ledger_.RefundedAmount();
  std::vector<Time> refund_waits = reconciler_.TimesToRefund();
  r.time_to_refund_p50 = NearestRankPercentile(refund_waits, 0.50);
  r.time_to_refund_p99 = NearestRankPercentile(refund_waits, 0.99);
  r.money_hours_held = reconciler_.MoneyHoursHeld(sim_.Now());
  r.support_contacts = support_.Contacts();
  const ClientAppCounters& app = client_.counters();
  r.prompts_shown = app.prompts_shown + app.reviews_shown;
  r.prompts_refused = app.prompts_refused + app.reviews_abandoned;
  r.taps_blocked = app.taps_blocked;
  r.conflicts = server_.counters().conflicts;
  r.inbox_skips = ledger_queue_.counters().inbox_skips +
                  (confirmation_.Redelivered() - confirmation_.DuplicatesHandled());
  r.duplicate_notifications_handled = confirmation_.DuplicatesHandled();
  r.peak_keys_held = store_.PeakKeysHeld() + ledger_queue_.PeakInboxEntries() +
                     confirmation_.PeakInboxEntries() + strategy_->PeakEntriesHeld();
}

}  // namespace dupsim
