// `idempotency_key`: the client sends one key per checkout page on every tap
// and retry; the server claims the key on arrival. A later request with a
// claimed key gets the first request's result: at once if it committed, or
// when it commits if it is still in flight (Stripe replays the stored first
// response; see docs/idempotency-keys.md#replaying-the-first-answer). Stops
// double taps, timeout retries, proxy retries and network duplicates; not a
// user who pays again on a new page (new key). A repeat of a request still in flight is parked
// until the first commits (in_flight: wait, the default), answered 409 Conflict so the app retries
// later (reject: Stripe's answer to concurrent requests; costs attempts and latency), or charged
// too (process: a store that records keys only at commit; concurrent_in_flight). The other options
// are the ways real key stores still fail:
//   ttl              a retry after the key was forgotten is charged again (key_expired);
//   claim            check_then_insert: two requests checking within `race_window`
//                    both see nothing (concurrent_in_flight);
//   store            per_replica: each replica has its own store, replicated after
//                    `replication_lag` (replication_lag; Redis async replication,
//                    per-region keys).
#include "sim/dedup/idempotency_key.h"

#include "sim/dedup/strategy_registry.h"
#include "sim/engine/duration_text.h"

namespace dupsim {

std::string IdempotencyKeyDedup::Describe() const {
  std::string options;
  auto add = [&](const std::string& option) { options += (options.empty() ? "" : ", ") + option; };
  if (policy_.ttl != kNoExpiry) add("ttl=" + DurationInLargestExactUnit(policy_.ttl));
  if (policy_.race_window > 0) {
    add("claim=check_then_insert, race_window=" + DurationInLargestExactUnit(policy_.race_window));
  }
  if (policy_.per_replica) {
    add("store=per_replica, replication_lag=" +
        DurationInLargestExactUnit(policy_.replication_lag));
  }
  if (in_flight_ == InFlight::kReject) add("in_flight=reject");
  if (in_flight_ == InFlight::kProcess) add("in_flight=process");
  return options.empty() ? name_ : name_ + "(" + options + ")";
}

AdmissionDecision IdempotencyKeyDedup::AdmitRequest(const ChargeRequestView& request,
                                                    KeyStore& store) {
  if (request.key == 0) return Admission::kProcess;
  switch (store.Claim(request.key, request.now, request.replica, policy_)) {
    case ClaimOutcome::kClaimed:
      return Admission::kProcess;
    case ClaimOutcome::kReclaimed:
      return {Admission::kProcess, DedupMiss::kKeyExpired};
    case ClaimOutcome::kMissedInRace:
      return {Admission::kProcess, DedupMiss::kConcurrentInFlight};
    case ClaimOutcome::kMissedInReplication:
      return {Admission::kProcess, DedupMiss::kReplicationLag};
    case ClaimOutcome::kInFlight:
      switch (in_flight_) {
        case InFlight::kWait:
          return Admission::kWaitForFirst;
        case InFlight::kReject:
          return Admission::kConflict;
        case InFlight::kProcess:
          return {Admission::kProcess, DedupMiss::kConcurrentInFlight};
      }
      return Admission::kWaitForFirst;
    case ClaimOutcome::kCompleted:
      return Admission::kReplayFirst;
  }
  return Admission::kProcess;
}

void IdempotencyKeyDedup::OnCommitted(const ChargeRequestView& request, KeyStore& store) {
  if (request.key != 0) store.Complete(request.key);
}

void IdempotencyKeyDedup::OnAbandoned(const ChargeRequestView& request, KeyStore& store) {
  if (request.key != 0) store.Release(request.key);
}

KeyDedupOptions ReadKeyDedupOptions(StrategyParams& params) {
  KeyDedupOptions options;
  ClaimPolicy& policy = options.policy;
  // Real retention: Stripe prunes after at least 24 h, Adyen keeps 31 days, AWS client
  // tokens commonly 8 h (docs/idempotency-keys.md#key-rules-by-vendor). Absent: kept forever.
  policy.ttl = params.PositiveDuration("ttl", kNoExpiry);
  const bool racy = params.Choice("claim", {"atomic", "check_then_insert"}, 0) == 1;
  if (params.Has("race_window") && !racy) {
    params.Duration("race_window", 0);  // read, so a malformed value is reported first
    params.Reject("race_window", "only with claim: check_then_insert");
  }
  policy.race_window = racy ? params.PositiveDuration("race_window", 5 * kMillisecond) : 0;
  policy.per_replica = params.Choice("store", {"shared", "per_replica"}, 0) == 1;
  if (params.Has("replication_lag") && !policy.per_replica) {
    params.Duration("replication_lag", 0);
    params.Reject("replication_lag", "only with store: per_replica");
  }
  // A lag of 0 is allowed: per-replica stores that replicate instantly act as one.
  policy.replication_lag =
      policy.per_replica ? params.Duration("replication_lag", 50 * kMillisecond) : 0;
  options.in_flight =
      static_cast<InFlight>(params.Choice("in_flight", {"wait", "reject", "process"}, 0));
  return options;
}

StrategyInfo IdempotencyKeyStrategy() {
  return {"idempotency_key",
          "server claims the client's key on arrival; repeats get the first result (options: "
          "ttl, claim, race_window, store, replication_lag, in_flight)",
          [](StrategyParams& params) {
            const KeyDedupOptions options = ReadKeyDedupOptions(params);
            return [options] {
              return std::make_unique<IdempotencyKeyDedup>("idempotency_key", options);
            };
          }};
}

DUPSIM_REGISTER_STRATEGY(IdempotencyKeyStrategy);

}  // namespace dupsim
