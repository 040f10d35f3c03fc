#include "sim/run/idle_mechanisms.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace dupsim {
namespace {

// The shortest text that reads back as `x`: "0.3", not "0.300000".
std::string NumberText(double x) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, x).ptr;
  return std::string(text, end);
}

// One knob: whether the scenario turns it on, how its value reads, and the counter that
// shows it fired. `configured` may also ask the result whether the mechanism had anything
// to act on (refunds need duplicates).
struct MechanismRow {
  const char* mechanism;
  const char* key;
  bool (*configured)(const Scenario&, const RunResult&);
  std::string (*value)(const Scenario&);
  std::uint64_t (*fired)(const RunResult&);
};

// Only knobs whose effect has its own counter in RunResult: a knob that only shifts
// latencies, or whose effect no counter isolates (double taps, message loss), is not here;
// nor are server crashes: the run waits for a crash already scheduled, so a crash schedule
// or a crash rate always fires at least once.
const MechanismRow kMechanisms[] = {
    {"pay-agains", "user.pay_again_without_confirmation",
     // A limit of 0 forbids paying again whatever the probability says.
     [](const Scenario& s, const RunResult&) {
       return s.user.pay_again_probability > 0 && s.user.pay_again_limit > 0;
     },
     [](const Scenario& s) { return NumberText(s.user.pay_again_probability); },
     [](const RunResult& r) { return r.pay_agains; }},
    {"status queries", "user.status_query.probability",
     [](const Scenario& s, const RunResult&) { return s.user.status_query_probability > 0; },
     [](const Scenario& s) { return NumberText(s.user.status_query_probability); },
     [](const RunResult& r) { return r.status_queries; }},
    {"legitimate repeats", "user.legitimate_repeat.probability",
     [](const Scenario& s, const RunResult&) { return s.user.legitimate_repeat.probability > 0; },
     [](const Scenario& s) { return NumberText(s.user.legitimate_repeat.probability); },
     [](const RunResult& r) { return r.legitimate_repeats; }},
    {"scam attempts", "user.fraud.probability",
     [](const Scenario& s, const RunResult&) { return s.user.fraud.probability > 0; },
     [](const Scenario& s) { return NumberText(s.user.fraud.probability); },
     [](const RunResult& r) { return r.fraud_payments; }},
    {"retries", "client.retry.max_attempts",
     [](const Scenario& s, const RunResult&) { return s.client.max_attempts > 1; },
     [](const Scenario& s) { return std::to_string(s.client.max_attempts); },
     [](const RunResult& r) { return r.retries; }},
    {"ledger queue redeliveries", "server.ledger_queue.crash_before_ack",
     [](const Scenario& s, const RunResult&) {
       return s.server.ledger_queue.enabled &&
              s.server.ledger_queue.crash_before_ack_probability > 0;
     },
     [](const Scenario& s) {
       return NumberText(s.server.ledger_queue.crash_before_ack_probability);
     },
     [](const RunResult& r) { return r.queue_redeliveries; }},
    {"proxy retries", "load_balancer.tries",
     // A balancer that does not retry POSTs answers a timed-out charge with a 504 instead.
     [](const Scenario& s, const RunResult&) {
       const LoadBalancerOptions& lb = s.load_balancer;
       return lb.enabled && lb.retry_non_idempotent && lb.tries > 1;
     },
     [](const Scenario& s) { return std::to_string(s.load_balancer.tries); },
     [](const RunResult& r) { return r.proxy_retries; }},
    {"notification redeliveries", "confirmation.redelivery.probability",
     [](const Scenario& s, const RunResult&) {
       return s.confirmation.redelivery_probability > 0 && s.confirmation.max_deliveries > 1;
     },
     [](const Scenario& s) { return NumberText(s.confirmation.redelivery_probability); },
     [](const RunResult& r) { return r.notifications_redelivered; }},
    {"refunds", "reconciliation",
     [](const Scenario& s, const RunResult& r) {
       return s.reconciliation.enabled && r.duplicate_charges > 0;
     },
     [](const Scenario&) { return std::string("on"); },
     [](const RunResult& r) { return r.refunded_duplicates; }},
    {"support contacts", "support.contact_probability",
     [](const Scenario& s, const RunResult& r) {
       return s.support.contact_probability > 0 && r.duplicate_charges > 0;
     },
     [](const Scenario& s) { return NumberText(s.support.contact_probability); },
     [](const RunResult& r) { return r.support_contacts; }},
};

}  // namespace

std::vector<IdleMechanism> IdleMechanisms(const Scenario& scenario, const RunResult& result) {
  std::vector<IdleMechanism> idle;
  for (const MechanismRow& row : kMechanisms) {
    if (!row.configured(scenario, result) || row.fired(result) > 0) continue;
    idle.push_back({row.mechanism, row.key, row.value(scenario)});
  }
  return idle;
}

}  // namespace dupsim
