// `idempotency_key`: the client sends one key per checkout page on every tap
// and retry; the server claims the key atomically on arrival. A later request
// with a claimed key gets the first request's result: at once if it committed,
// or when it commits if it is still in flight (Stripe replays the stored first
// response; see dedup-in-the-wild.md). Stops double taps, timeout retries and
// network duplicates; not a user who pays again on a new page (new key), nor a
// retry that comes back after the key's `ttl` ran out (key_expired).
#include "sim/dedup/builtin_strategies.h"

#include "fakes/idempotency_store.h"
#include "sim/engine/distribution.h"

namespace dupsim {
namespace {

class IdempotencyKeyDedup final : public Strategy {
 public:
  explicit IdempotencyKeyDedup(Time ttl) : ttl_(ttl) {}

  std::string Describe() const override {
    if (ttl_ == IdempotencyStore::kNoExpiry) return "idempotency_key";
    return "idempotency_key(ttl=" + FormatDuration(ttl_) + ")";
  }

  AdmissionDecision AdmitRequest(const ChargeRequestView& request,
                                 IdempotencyStore& store) override {
    if (request.key == 0) return Admission::kProcess;
    switch (store.Claim(request.key, request.now, ttl_)) {
      case ClaimOutcome::kClaimed:
        return Admission::kProcess;
      case ClaimOutcome::kReclaimed:
        return {Admission::kProcess, DedupMiss::kKeyExpired};
      case ClaimOutcome::kInFlight:
        return Admission::kWaitForFirst;
      case ClaimOutcome::kCompleted:
        return Admission::kReplayFirst;
    }
    return Admission::kProcess;
  }

  void OnCommitted(const ChargeRequestView& request, IdempotencyStore& store) override {
    if (request.key != 0) store.Complete(request.key);
  }

 private:
  Time ttl_;
};

}  // namespace

StrategyInfo IdempotencyKeyStrategy() {
  return {"idempotency_key",
          "server claims the client's key on arrival; repeats get the first result; keys are "
          "forgotten `ttl` after their claim (default: never)",
          [](StrategyParams& params) {
            // Real retention: Stripe prunes after at least 24 h, Adyen keeps 31 days, AWS client
            // tokens commonly 8 h (dedup-in-the-wild.md).
            const Time ttl = params.PositiveDuration("ttl", IdempotencyStore::kNoExpiry);
            return [ttl] { return std::make_unique<IdempotencyKeyDedup>(ttl); };
          }};
}

}  // namespace dupsim
