// `idempotency_key_per_attempt`: the common bug. The server dedups by key as
// `idempotency_key` does, but the app makes a fresh key for every attempt (a
// key generated inside the retry loop, or an SDK that does), so a retry or a
// second tap carries a key the server has never seen. It still stops repeats
// of one attempt made behind the app, which keep the attempt's key: network
// duplicates and load-balancer retries. It does not stop timeout retries,
// crash replays or double taps (docs/idempotency-keys.md#a-key-made-per-attempt,
// "How a keyed API still charges twice").
#include "sim/dedup/idempotency_key.h"
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class IdempotencyKeyPerAttempt final : public IdempotencyKeyDedup, public AppDefence {
 public:
  explicit IdempotencyKeyPerAttempt(KeyDedupOptions options)
      : IdempotencyKeyDedup("idempotency_key_per_attempt", options) {}

  AppDefence* AppLayer() override { return this; }
  AppSetup Setup() const override {
    AppSetup setup;
    setup.key_scheme = KeyScheme::kFreshPerAttempt;
    return setup;
  }
};

}  // namespace

StrategyInfo IdempotencyKeyPerAttemptStrategy() {
  return {"idempotency_key_per_attempt",
          "the bug: the server dedups by key, the app makes a fresh key per attempt (same options "
          "as idempotency_key)",
          [](StrategyParams& params) {
            const KeyDedupOptions options = ReadKeyDedupOptions(params);
            return [options] { return std::make_unique<IdempotencyKeyPerAttempt>(options); };
          }};
}

DUPSIM_REGISTER_STRATEGY(IdempotencyKeyPerAttemptStrategy);

}  // namespace dupsim
