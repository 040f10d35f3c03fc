#include "sim/run/memory_estimate.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "fakes/client_app.h"
#include "fakes/idempotency_store.h"
#include "fakes/refund_record.h"
#include "sim/engine/random_stream.h"
#include "sim/model/charge_origin.h"
#include "sim/run/parallel_jobs.h"
#include "sim/run/scenario_runner.h"

namespace dupsim {
namespace {

constexpr double kStream = sizeof(RandomStream);

// A vector filled by push_back from empty ends with a power-of-two capacity; while it doubles
// it holds the old buffer and the new one, 1.5 times the final capacity.
double GrowingVectorPeak(double count, std::size_t element) {
  if (count < 1) return 0;
  const auto capacity = static_cast<double>(std::bit_ceil(static_cast<std::uint64_t>(count)));
  return 1.5 * capacity * static_cast<double>(element);
}

// The World's key store starts at 2048 slots (room for 1024 keys) and doubles whenever it is
// over half full (fakes/idempotency_store.cc); the last doubling holds both tables.
double KeyStorePeak(double keys) {
  constexpr std::uint64_t kFirstSlots = 2048;
  std::uint64_t slots = kFirstSlots;
  while (keys * 2 > static_cast<double>(slots)) slots *= 2;
  const double tables = slots > kFirstSlots ? 1.5 : 1.0;
  return tables * static_cast<double>(slots) * IdempotencyStore::EntryBytes();
}

// Checkout pages one intent may open: the first, each pay-again, and a scammer's.
double PagesPerIntent(const Scenario& s) {
  return 1.0 + s.user.pay_again_limit + (s.user.fraud.probability > 0 ? 1 : 0);
}

bool Reconciles(const Scenario& s, Strategy& strategy) {
  return s.reconciliation.enabled || strategy.AfterTheFactLayer().reconciliation;
}

// The tables the World's parties size by the intents when it is built (sim/run/world.cc):
// every byte of them is written before the first intent starts.
double TablesPerIntent(const Scenario& s, Strategy& strategy) {
  double b = 0;
  // IntentCatalog: an amount; with legitimate repeats, a gap and a payer too.
  b += sizeof(Money);
  if (s.user.legitimate_repeat.probability > 0) b += sizeof(Time) + sizeof(IntentId);
  // Ledger: a charge count and the first charge's origin; with refunds, a refund count.
  b += sizeof(std::uint32_t) + sizeof(ChargeOrigin);
  if (Reconciles(s, strategy)) b += sizeof(std::uint32_t);
  // ClientApp: a jitter stream, its pages, acknowledged and blocked flags, the payer's last tap.
  b += kStream + PagesPerIntent(s) * ClientApp::PageBytes() + 2 * sizeof(std::uint8_t) +
       sizeof(IntentId);
  // User: a stream, a confirmed flag, the first tap's time.
  b += kStream + sizeof(std::uint8_t) + sizeof(Time);
  // ConfirmationChannel: a stream, and one for redeliveries when they are on.
  b += kStream + (s.confirmation.redelivery_probability > 0 ? kStream : 0);
  // PaymentServer, both NetworkLinks and, when on, the LedgerWriterQueue: a stream each.
  b += 3 * kStream + (s.server.ledger_queue.enabled ? kStream : 0);
  return b;
}

// What grows while the run goes, and the copies its results are computed from.
double GrowingBytes(const Scenario& s, Strategy& strategy, const RunGrowth& g) {
  const auto n = static_cast<double>(s.intents);
  double b = 0;
  if (UsesKeyStore(strategy)) b += KeyStorePeak(g.keys * n);
  // The strategy's own tables by payer, doubled as payers come (payers are intent ids).
  if (strategy.BytesPerPayer() > 0) b += GrowingVectorPeak(n, strategy.BytesPerPayer());
  // The user's times to confirmation, grown one by one, then copied for the percentiles.
  const double confirmed = g.confirmed * n;
  b += std::max(GrowingVectorPeak(confirmed, sizeof(Time)),
                GrowingVectorPeak(confirmed, sizeof(Time)) / 1.5 + confirmed * sizeof(Time));
  // A status service reading a lagging replica: when each intent was first charged.
  if (s.user.status_query.stale_by > 0) b += GrowingVectorPeak(n, sizeof(Time));
  if (Reconciles(s, strategy)) {
    // Refund records in the ledger, the reconciler's times to refund and their copy.
    const double refunds = std::max(g.refunds * n, 4096.0);  // both reserve 4096 up front
    b += GrowingVectorPeak(refunds, sizeof(RefundRecord)) + GrowingVectorPeak(refunds, 8) +
         refunds * sizeof(Time);
  }
  // Inboxes that forget ids after a retention keep the time of every id they hold.
  const std::optional<Time> retention = strategy.ConsumerLayer().inbox_retention;
  if (retention && *retention != kNoExpiry) {
    b += 2 * GrowingVectorPeak(g.charges * n, sizeof(Time));
  }
  return b;
}

// Keys the strategy claims per intent given what the run did: one per checkout page, one per
// order (the pages of an intent share it, a scammer's page has its own), or one per attempt.
double KeysPerIntent(const Scenario& s, Strategy& strategy, double pages, double attempts,
                     double scam_pages) {
  if (!UsesKeyStore(strategy)) return 0;
  const KeyScheme scheme = AppSetupOf(strategy).key_scheme;
  if (scheme == KeyScheme::kFreshPerAttempt || s.client.key_scope == KeyScope::kPerAttempt)
    return attempts;
  if (scheme == KeyScheme::kPerOrder) return 1 + scam_pages;
  return pages;
}

// A run no bigger than the pilot: everything at its most (every user confirmed, every page
// opened, both taps on every page retried to the last attempt, every duplicate refunded).
RunGrowth UpperBoundsOf(const Scenario& s, Strategy& strategy) {
  const double pages = PagesPerIntent(s);
  const double taps = s.user.double_tap_probability > 0 ? 2 : 1;
  const double attempts = pages * taps * s.client.max_attempts;
  RunGrowth g;
  g.keys = KeysPerIntent(s, strategy, pages, attempts, s.user.fraud.probability > 0 ? 1 : 0);
  g.confirmed = 1;
  g.charges = attempts;
  g.refunds = attempts;
  return g;
}

}  // namespace

RunGrowth GrowthOf(const Scenario& scenario, const ConfiguredStrategy& strategy, GrowthFrom from) {
  const std::unique_ptr<Strategy> instance = strategy.make();
  if (from == GrowthFrom::kUpperBounds || scenario.intents <= kPilotIntents) {
    return UpperBoundsOf(scenario, *instance);
  }
  // The first intents behave as they will in the full run (each has its own streams).
  Scenario pilot = scenario;
  pilot.intents = kPilotIntents;
  pilot.strategies = {strategy};
  const RunResult r = RunScenario(pilot, strategy);
  const auto n = static_cast<double>(r.intents);
  const double scam_pages = static_cast<double>(r.fraud_payments) / n;
  const double pages = 1 + static_cast<double>(r.pay_agains) / n + scam_pages;
  RunGrowth g;
  g.keys =
      KeysPerIntent(scenario, *instance, pages, static_cast<double>(r.attempts) / n, scam_pages);
  g.confirmed = static_cast<double>(r.confirmed_intents) / n;
  g.charges = static_cast<double>(r.charges) / n;
  g.refunds = static_cast<double>(r.refunded_duplicates) / n;
  return g;
}

RunMemoryEstimate EstimateRunMemory(const Scenario& scenario, const ConfiguredStrategy& strategy,
                                    const RunGrowth& growth) {
  const std::unique_ptr<Strategy> instance = strategy.make();
  const double bytes =
      TablesPerIntent(scenario, *instance) * static_cast<double>(scenario.intents) +
      GrowingBytes(scenario, *instance, growth);
  return {scenario.name, strategy.label, scenario.intents,
          static_cast<std::uint64_t>(std::ceil(bytes))};
}

RunsMemoryEstimate EstimateRunsMemory(const std::vector<Scenario>& scenarios, unsigned threads,
                                      GrowthFrom from) {
  const std::vector<RunJob> jobs = RunJobsOf(scenarios);
  std::vector<RunMemoryEstimate> runs(jobs.size());
  RunJobsInParallel(jobs.size(), threads, [&](std::size_t i) {
    runs[i] = EstimateRunMemory(*jobs[i].scenario, *jobs[i].strategy,
                                GrowthOf(*jobs[i].scenario, *jobs[i].strategy, from));
  });
  std::stable_sort(
      runs.begin(), runs.end(),
      [](const RunMemoryEstimate& a, const RunMemoryEstimate& b) { return a.bytes > b.bytes; });
  RunsMemoryEstimate estimate;
  estimate.at_once = std::max(1u, ThreadsFor(jobs.size(), threads));
  estimate.bytes = kProcessBytes;
  for (std::size_t i = 0; i < std::min<std::size_t>(estimate.at_once, runs.size()); ++i) {
    estimate.bytes += runs[i].bytes;
    estimate.largest.push_back(runs[i]);
  }
  return estimate;
}

}  // namespace dupsim
