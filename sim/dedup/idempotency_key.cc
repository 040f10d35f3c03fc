// `idempotency_key`: the client sends one key per checkout page on every tap
// and retry; the server claims the key atomically on arrival. A later request
// with a claimed key gets the first request's result: at once if it committed,
// or when it commits if it is still in flight (Stripe replays the stored first
// response; see dedup-in-the-wild.md). Stops double taps, timeouts retries and
// network duplicates; not a user who pays again on a new page (new key).
#include "sim/dedup/builtin_strategies.h"

#include "fakes/idempotency_store.h"

namespace dupsim {
namespace {

class IdempotencyKeyDedup final : public Strategy {
 public:
  std::string Describe() const override { return "idempotency_key"; }

  Admission AdmitRequest(const ChargeRequestView& request, IdempotencyStore& store) override {
    if (request.key == 0) return Admission::kProcess;
    switch (store.Claim(request.key)) {
      case ClaimOutcome::kClaimed:
        return Admission::kProcess;
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
};

}  // namespace

StrategyInfo IdempotencyKeyStrategy() {
  return {"idempotency_key",
          "server claims the client's key on arrival; repeats get the first result",
          [](StrategyParams&) { return [] { return std::make_unique<IdempotencyKeyDedup>(); }; }};
}

}  // namespace dupsim
