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
  r.intents_with_duplicates = duplicates > 0 ? duplicates - 1 : 0;
  r.duplicate_rate = RateEstimate::Of(duplicates, intents);
  // Mostly double taps, a few retries: two causes, so the report shows the split.
  r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kClientRetry)] = duplicates / 10;
  r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kDoubleTap)] =
      duplicates - duplicates / 10;
  r.lost_payments = lost;
  r.lost_payment_rate = RateEstimate::Of(lost, intents);
  r.taps = intents + 1001;
  r.taps_swallowed = 17;
  r.pay_agains = 23;
  r.attempts = intents + 2002;
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
       "wrong, so every duplicate comes from the button."},
      {"slow_network", "<bundled>/slow_network.yaml", "Slow links and client retries."},
  };
  return report;
}

}  // namespace dupsim
