#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

RunResult Result(std::string scenario, std::string strategy, std::string config,
                 std::uint64_t intents, std::uint64_t duplicates, std::uint64_t lost) {
  RunResult r;
  r.scenario = std::move(scenario);
  r.scenario_source = "<bundled>/" + r.scenario + ".yaml";
  r.strategy = std::move(strategy);
  r.strategy_config = std::move(config);
  r.seed = 42;
  r.intents = intents;
  r.charges = intents - lost + duplicates;
  r.duplicate_charges = duplicates;
  r.charged_amount = static_cast<std::int64_t>(r.charges) * 1999;  // 19.99 each
  r.duplicate_amount = static_cast<std::int64_t>(duplicates) * 1999;
  // One intent charged three times, the rest of the duplicates one per intent.
  r.intents_with_duplicates = duplicates > 0 ? duplicates - 1 : 0;
  r.duplicate_rate =
      RateEstimate::OfCounts(duplicates, duplicates > 0 ? duplicates + 2 : 0, intents);
  r.duplicated_intent_rate = RateEstimate::Of(r.intents_with_duplicates, intents);
  // Mostly double taps, a few retries: two causes, so the report shows the split.
  r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kClientRetry)] = duplicates / 10;
  r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kDoubleTap)] =
      duplicates - duplicates / 10;
  r.lost_payments = lost;
  r.lost_payment_rate = RateEstimate::Of(lost, intents);
  r.false_block_rate = RateEstimate::Of(0, intents);
  r.taps = intents + 1001;
  r.taps_swallowed = 17;
  r.pay_agains = 23;
  r.attempts = intents + 2002;
  r.retries = 1777;
  r.timeouts = 301;
  r.replayed_responses = 5;
  r.requests_rejected = 13;
  r.requests_declined = 9;
  r.server_crashes = 2;
  r.requests_killed = 41;
  r.proxy_retries = 8;
  r.gateway_timeouts = 3;
  r.queue_redeliveries = 4;
  r.notifications_redelivered = 6;
  r.confirmed_intents = intents - lost - 7;
  r.time_to_confirmation_p50 = 140'000;
  r.time_to_confirmation_p99 = 2'350'000;
  // Every duplicate but one refunded, 19.99 each, after 1.5 to 3 days.
  r.refunded_duplicates = duplicates > 0 ? duplicates - 1 : 0;
  r.refunded_amount = static_cast<std::int64_t>(r.refunded_duplicates) * 1999;
  r.time_to_refund_p50 = r.refunded_duplicates > 0 ? 129'600'000'000 : 0;
  r.time_to_refund_p99 = r.refunded_duplicates > 0 ? 259'200'000'000 : 0;
  r.money_hours_held = static_cast<double>(duplicates) * 730.25;  // about 36.5 h each
  r.support_contacts = duplicates / 4;
  r.prompts_shown = intents / 50;
  r.prompts_refused = intents / 200;
  r.taps_blocked = 11;
  r.conflicts = 7;
  r.inbox_skips = 4;
  r.duplicate_notifications_handled = 2;
  r.peak_keys_held = intents;
  // A skewed distribution from 40 ms to about 2.35 s, in whole milliseconds.
  for (int k = 0; k <= 100; ++k) {
    r.time_to_confirmation_percentiles.push_back(40'000 +
                                                 static_cast<Time>(k * k) * 231'000 / 1000);
  }
  r.events = 123456;
  r.virtual_end = 1234567890;
  return r;
}

}  // namespace

Report SampleReport() {
  Report report;
  report.tool_version = "0.0.0-test";  // fixed, so a version bump leaves the golden file alone
  report.results = {
      Result("double_tap", "none", "none", 10000, 998, 12),
      Result("double_tap", "client_debounce", "client_debounce(window=1s)", 10000, 0, 3),
      Result("slow_network", "idempotency_key", "idempotency_key(ttl=24h)", 100000, 31, 0),
  };
  report.scenarios = {
      {"double_tap", "<bundled>/double_tap.yaml",
       "Users tap Pay twice, the second tap 100-600 ms after the first. Nothing else goes "
       "wrong, so every duplicate comes from the button.",
       "user_misoperation", 42, 10000,
       "name: double_tap\nintents: 10000\nuser:\n  double_tap: { probability: 0.1 }\n"},
      {"slow_network", "<bundled>/slow_network.yaml", "Slow links and client retries.",
       "technical_fault", 42, 100000, "name: slow_network\nintents: 100000\n"},
  };
  // Knobs that never fired: the same one under both strategies of double_tap (one note for
  // every strategy), two under slow_network's only strategy. Their counters are the ones the
  // sample leaves at 0.
  report.results[0].idle_mechanisms = {{"status queries", "user.status_query.probability", "0.5"}};
  report.results[1].idle_mechanisms = report.results[0].idle_mechanisms;
  report.results[2].idle_mechanisms = {
      {"legitimate repeats", "user.legitimate_repeat.probability", "0.2"},
      {"scam attempts", "user.fraud.probability", "0.01"}};
  // The none row is the baseline of its scenario's other rows.
  report.results[0].has_baseline = true;
  report.results[1].has_baseline = true;
  report.results[1].extra_time_to_confirmation_p50 = 1'200;
  report.results[1].extra_time_to_confirmation_p99 = -35'000;
  // double_tap's runs carry their scenario's fingerprint; slow_network's come from a report
  // saved before fingerprints (null in JSON).
  for (RunResult* r : {&report.results[0], &report.results[1]}) {
    r->scenario_fingerprint = "3f2a9c0d5e7b1864";
    r->scenario_parameters = {{"client.timeout", "3s"}, {"user.double_tap.probability", "0.1"}};
  }
  return report;
}

Report SampleCheckedReport() {
  Report report = SampleReport();
  CheckOutcome& check = report.check;
  check.checked = true;
  check.confidence = 0.99;
  check.baseline = "baseline.json";
  auto expect = [&](std::size_t result, ExpectedMetric metric, bool is_max, double bound,
                    std::string text) {
    check.expectations.push_back(
        Evaluate(Expectation{metric, is_max, bound, std::move(text)}, report.results[result]));
  };
  expect(0, ExpectedMetric::kDuplicateRate, false, 0.05, "min: 5%");        // 9.98%: pass
  expect(1, ExpectedMetric::kDuplicateRate, true, 0, "max: 0");             // 0: pass
  expect(1, ExpectedMetric::kLostPaymentRate, true, 0.0001, "max: 0.01%");  // 3 in 10000: fail
  expect(2, ExpectedMetric::kDuplicateRate, true, 0.0004, "max: 0.04%");    // 31 in 1e5: ?
  expect(2, ExpectedMetric::kTimeToConfirmationP99, true, 2e6, "max: 2s");  // 2.35 s: fail
  RunResult before = report.results[0];
  before.duplicate_rate = RateEstimate::Of(700, 10000);  // was 7%: now worse
  for (BaselineComparison& c : CompareWithBaseline(before, report.results[0], 0.99)) {
    check.comparisons.push_back(std::move(c));
  }
  RunResult earlier = report.results[2];
  earlier.duplicate_rate = RateEstimate::Of(90, 100000);  // was 0.09%: now better
  for (BaselineComparison& c : CompareWithBaseline(earlier, report.results[2], 0.99)) {
    check.comparisons.push_back(std::move(c));
  }
  check.not_in_baseline.push_back({"double_tap", "client_debounce(window=1s)"});
  // double_tap changed since the baseline and was compared anyway (--compare-changed); the
  // baseline had no fingerprint for slow_network.
  check.changed_scenarios.push_back({"double_tap",
                                     "<bundled>/double_tap.yaml",
                                     {{"client.timeout", "2s", "3s"},
                                      {"user.double_tap.probability", "0.05", "0.1"},
                                      {"user.pay_again_limit", "1", ""}},
                                     true});
  check.without_fingerprint.push_back("slow_network");
  return report;
}

}  // namespace dupsim
