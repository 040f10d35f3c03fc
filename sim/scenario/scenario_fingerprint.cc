#include "sim/scenario/scenario_fingerprint.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "sim/engine/duration_text.h"
#include "sim/input/money.h"

namespace dupsim {
namespace {

using Lines = std::vector<std::pair<std::string, std::string>>;

// Adds lines under a key prefix, each value in the scenario file's own notation.
class ParameterLines {
 public:
  ParameterLines(Lines& lines, std::string prefix) : lines_(lines), prefix_(std::move(prefix)) {}

  ParameterLines Under(const std::string& section) const {
    return ParameterLines(lines_, prefix_ + section + ".");
  }
  void Text(const std::string& key, std::string value) const {
    lines_.emplace_back(prefix_ + key, std::move(value));
  }
  void Number(const std::string& key, double value) const { Text(key, FormatNumber(value)); }
  void Count(const std::string& key, std::uint64_t value) const {
    Text(key, std::to_string(value));
  }
  void Duration(const std::string& key, Time value) const {
    Text(key, DurationInLargestExactUnit(value));
  }
  void Bool(const std::string& key, bool value) const { Text(key, value ? "true" : "false"); }
  void OnOff(const std::string& key, bool on) const { Text(key, on ? "on" : "off"); }
  void Dist(const std::string& key, const DistributionPtr& d) const {
    Text(key, d ? d->Describe() : "unset");
  }
  void MoneyDist(const std::string& key, const DistributionPtr& d) const {
    Text(key, d ? d->DescribeIn(FormatMoney) : "unset");
  }

 private:
  Lines& lines_;
  std::string prefix_;
};

std::string Indexed(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

void AddArrivals(const Scenario::Arrivals& a, const ParameterLines& out) {
  out.Number("rate_per_s", a.rate_per_s);
  for (std::size_t i = 0; i < a.stages.size(); ++i) {
    const ParameterLines stage = out.Under(Indexed("stages", i));
    stage.Duration("duration", a.stages[i].duration);
    stage.Number("target_rate_per_s", a.stages[i].target_rate_per_s);
  }
}

void AddUser(const Scenario::User& u, const ParameterLines& out) {
  out.Under("double_tap").Number("probability", u.double_tap_probability);
  out.Under("double_tap").Dist("gap", u.double_tap_gap);
  out.Dist("patience", u.patience);
  out.Number("pay_again_without_confirmation", u.pay_again_probability);
  out.Count("pay_again_limit", u.pay_again_limit);
  out.MoneyDist("amount", u.amount);
  const ParameterLines query = out.Under("status_query");
  query.Number("probability", u.status_query_probability);
  query.Dist("latency", u.status_query.latency);
  query.Number("failure", u.status_query.failure_probability);
  query.Duration("stale_by", u.status_query.stale_by);
  out.Under("legitimate_repeat").Number("probability", u.legitimate_repeat.probability);
  out.Under("legitimate_repeat").Dist("gap", u.legitimate_repeat.gap);
  out.Under("fraud").Number("probability", u.fraud.probability);
  out.Under("fraud").Dist("delay", u.fraud.delay);
}

void AddClient(const Scenario::Client& c, const ParameterLines& out) {
  out.Duration("timeout", c.timeout);
  const ParameterLines retry = out.Under("retry");
  retry.Count("max_attempts", c.max_attempts);
  retry.Under("backoff").Duration("base", c.backoff_base);
  retry.Under("backoff").Duration("cap", c.backoff_cap);
  retry.Under("backoff").Text("jitter", c.jitter == Jitter::kNone ? "none" : "full");
  out.Text("idempotency_key", c.key_scope == KeyScope::kPerIntent ? "per_intent" : "per_attempt");
  out.Bool("response_confirms", c.response_confirms);
}

void AddLink(const LinkOptions& link, const ParameterLines& out) {
  out.Dist("latency", link.latency);
  out.Number("loss", link.loss_probability);
  out.Number("duplicate", link.duplicate_probability);
  const ParameterLines burst = out.Under("burst_loss");
  burst.Number("time_fraction", link.burst_time_fraction);
  burst.Duration("mean_length", link.burst_length_mean);
  burst.Number("loss", link.burst_loss_probability);
  out.Under("reorder").Number("probability", link.reorder_probability);
  out.Under("reorder").Dist("extra_delay", link.reorder_extra_delay);
}

std::string DirectionText(PartitionDirection direction) {
  switch (direction) {
    case PartitionDirection::kRequest:
      return "request";
    case PartitionDirection::kResponse:
      return "response";
    case PartitionDirection::kBoth:
      return "both";
  }
  return "?";
}

void AddNetwork(const Scenario::Network& n, const ParameterLines& out) {
  AddLink(n.request, out.Under("request"));
  AddLink(n.response, out.Under("response"));
  for (std::size_t i = 0; i < n.partitions.size(); ++i) {
    const ParameterLines partition = out.Under(Indexed("partitions", i));
    partition.Duration("start", n.partitions[i].start);
    partition.Duration("duration", n.partitions[i].duration);
    partition.Text("direction", DirectionText(n.partitions[i].direction));
  }
}

void AddServer(const Scenario::Server& s, const ParameterLines& out) {
  out.Dist("processing", s.processing);
  out.Count("replicas", s.replicas);
  out.Count("concurrency", s.concurrency_per_replica);
  out.Count("queue", s.queue_limit_per_replica);
  const ParameterLines crashes = out.Under("crashes");
  crashes.Number("rate_per_hour", s.crashes.rate_per_hour);
  for (std::size_t i = 0; i < s.crashes.schedule.size(); ++i) {
    const ParameterLines crash = crashes.Under(Indexed("schedule", i));
    crash.Duration("at", s.crashes.schedule[i].at);
    crash.Count("replica", s.crashes.schedule[i].replica);
  }
  crashes.Dist("restart", s.crashes.restart);
  crashes.Text("point",
               s.crashes.point == CrashPoint::kBeforeCommit ? "before_commit" : "after_commit");
  const LedgerQueueOptions& queue = s.ledger_queue;
  out.OnOff("ledger_queue", queue.enabled);
  const ParameterLines ledger = out.Under("ledger_queue");
  ledger.Dist("write_delay", queue.write_delay);
  ledger.Number("crash_before_ack", queue.crash_before_ack_probability);
  ledger.Duration("visibility_timeout", queue.visibility_timeout);
  ledger.Count("max_deliveries", queue.max_deliveries);
}

void AddLoadBalancer(const LoadBalancerOptions& b, const ParameterLines& out) {
  out.OnOff("load_balancer", b.enabled);
  const ParameterLines balancer = out.Under("load_balancer");
  balancer.Duration("per_try_timeout", b.per_try_timeout);
  balancer.Count("tries", b.tries);
  balancer.Bool("retry_non_idempotent", b.retry_non_idempotent);
}

void AddConfirmation(const Scenario::Confirmation& c, const ParameterLines& out) {
  out.Dist("delay", c.delay);
  out.Number("loss", c.loss_probability);
  const ParameterLines again = out.Under("redelivery");
  again.Number("probability", c.redelivery_probability);
  again.Dist("delay", c.redelivery_delay);
  again.Count("max_deliveries", c.max_deliveries);
}

// Reconciliation is read even when off: reconcile_and_refund runs the job with these options.
void AddAfterTheFact(const Scenario& s, const ParameterLines& out) {
  const ReconcilerOptions& r = s.reconciliation;
  out.OnOff("reconciliation", r.enabled);
  const ParameterLines reconciliation = out.Under("reconciliation");
  reconciliation.Dist("delay", r.detection_delay);
  reconciliation.Dist("refund_processing", r.refund_processing);
  reconciliation.Text("refund", r.refund_fraction < 1 ? "partial" : "full");
  reconciliation.Number("partial_fraction", r.refund_fraction);
  out.Under("support").Number("contact_probability", s.support.contact_probability);
  out.Under("support").Dist("notice_delay", s.support.notice_delay);
}

}  // namespace

Lines ScenarioParameters(const Scenario& s) {
  Lines lines;
  const ParameterLines top(lines, "");
  AddArrivals(s.arrivals, top.Under("arrivals"));
  AddUser(s.user, top.Under("user"));
  AddClient(s.client, top.Under("client"));
  AddNetwork(s.network, top.Under("network"));
  AddServer(s.server, top.Under("server"));
  AddLoadBalancer(s.load_balancer, top);
  AddConfirmation(s.confirmation, top.Under("confirmation"));
  AddAfterTheFact(s, top);
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::string ParametersFingerprint(const Lines& lines) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  auto add = [&](std::string_view text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 0x100000001b3ULL;  // FNV 64 prime
    }
  };
  for (const auto& [key, value] : lines) {
    add(key);
    add("=");
    add(value);
    add("\n");
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string ScenarioFingerprint(const Scenario& scenario) {
  return ParametersFingerprint(ScenarioParameters(scenario));
}

}  // namespace dupsim
