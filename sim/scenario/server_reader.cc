#include "sim/scenario/server_reader.h"

#include "sim/scenario/distribution_registry.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

constexpr std::uint64_t kMaxReplicas = 64;  // per-replica key stores track replicas in 64 bits
constexpr std::uint64_t kMaxWorkers = 1'000'000;  // bounds only catch typos
constexpr std::uint64_t kMaxQueue = 10'000'000;

ScheduledCrash ReadScheduledCrash(const YamlValue& value, std::uint32_t replicas) {
  const YamlMapReader reader(value, {"at", "replica"});
  ScheduledCrash crash;
  crash.at = reader.Get("at").Duration();
  if (auto replica = reader.Find("replica")) {
    crash.replica = static_cast<std::uint32_t>(replica->Count(0, replicas - 1));
  }
  return crash;
}

ServerCrashOptions ReadCrashes(const YamlValue& value, std::uint32_t replicas) {
  const YamlMapReader reader(value, {"rate_per_hour", "schedule", "restart", "point"});
  ServerCrashOptions crashes;
  if (auto rate = reader.Find("rate_per_hour")) {
    crashes.rate_per_hour = rate->Number();
    if (!(crashes.rate_per_hour >= 0)) rate->Fail("must be >= 0, got " + rate->node().Scalar());
  }
  if (auto schedule = reader.Find("schedule")) {
    for (const YamlValue& item : schedule->Items()) {
      crashes.schedule.push_back(ReadScheduledCrash(item, replicas));
    }
  }
  if (auto point = reader.Find("point")) {
    crashes.point = point->Choice({"before_commit", "after_commit"}) == 0
                        ? CrashPoint::kBeforeCommit
                        : CrashPoint::kAfterCommit;
  }
  // A crash without a restart time would leave the replica down forever: require it.
  if (crashes.Enabled()) {
    crashes.restart = DistributionRegistry::Builtin().Read(reader.Get("restart"));
  } else if (auto restart = reader.Find("restart")) {
    crashes.restart = DistributionRegistry::Builtin().Read(*restart);
  }
  return crashes;
}

LedgerQueueOptions ReadLedgerQueue(const YamlValue& value) {
  const YamlMapReader reader(
      value, {"write_delay", "crash_before_ack", "visibility_timeout", "max_deliveries"});
  LedgerQueueOptions queue;
  queue.enabled = true;
  queue.write_delay = DistributionRegistry::Builtin().Read(reader.Get("write_delay"));
  queue.crash_before_ack_probability = reader.Probability("crash_before_ack", 0.0);
  if (auto timeout = reader.Find("visibility_timeout")) {
    queue.visibility_timeout = timeout->Duration();
    if (queue.visibility_timeout == 0) timeout->Fail("must be > 0, got 0");
  }
  if (auto deliveries = reader.Find("max_deliveries")) {
    queue.max_deliveries = static_cast<std::uint32_t>(deliveries->Count(1, 255));
  }
  return queue;
}

}  // namespace

LoadBalancerOptions ReadLoadBalancer(const YamlValue& value) {
  const YamlMapReader reader(value, {"per_try_timeout", "tries", "retry_non_idempotent"});
  LoadBalancerOptions balancer;
  balancer.enabled = true;
  if (auto timeout = reader.Find("per_try_timeout")) {
    balancer.per_try_timeout = timeout->Duration();
    if (balancer.per_try_timeout == 0) timeout->Fail("must be > 0, got 0");
  }
  if (auto tries = reader.Find("tries")) {
    balancer.tries = static_cast<std::uint32_t>(tries->Count(1, 255));
  }
  balancer.retry_non_idempotent =
      reader.Bool("retry_non_idempotent", balancer.retry_non_idempotent);
  return balancer;
}

Scenario::Server ReadServer(const YamlValue& value, Scenario::Server server) {
  const YamlMapReader reader(
      value, {"processing", "replicas", "concurrency", "queue", "crashes", "ledger_queue"});
  if (auto processing = reader.Find("processing")) {
    server.processing = DistributionRegistry::Builtin().Read(*processing);
  }
  if (auto replicas = reader.Find("replicas")) {
    server.replicas = static_cast<std::uint32_t>(replicas->Count(1, kMaxReplicas));
  }
  if (auto concurrency = reader.Find("concurrency")) {
    server.concurrency_per_replica = static_cast<std::uint32_t>(concurrency->Count(0, kMaxWorkers));
  }
  if (auto queue = reader.Find("queue")) {
    if (server.concurrency_per_replica == 0) {
      queue->Fail("a queue needs a worker limit: set server.concurrency (> 0) first");
    }
    server.queue_limit_per_replica = static_cast<std::uint32_t>(queue->Count(0, kMaxQueue));
  }
  if (auto crashes = reader.Find("crashes")) {
    server.crashes = ReadCrashes(*crashes, server.replicas);
  }
  if (auto queue = reader.Find("ledger_queue")) server.ledger_queue = ReadLedgerQueue(*queue);
  return server;
}

}  // namespace dupsim
