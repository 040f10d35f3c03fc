// `inbox_dedup`: the idempotent consumer. Every consumer of at-least-once
// deliveries (the ledger writer behind its queue, the handler of "you paid"
// notifications) records each message id in an inbox table in the same
// transaction as the message's effect, and skips an id already there. It stops
// queue redeliveries (a consumer that died between its write and its ack) and
// repeated notifications (webhooks are delivered at least once: Stripe retries
// for up to 3 days: docs/repeated-delivery.md#webhooks-delivered-more-than-once). It does nothing
// before the queue:
// a double tap, a retry or a pay-again is a new message with a new id. An id
// kept shorter than redeliveries can come (`retention`; SQS FIFO remembers
// only 5 minutes) lets that redelivery through. Cost: the inbox's entries.
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/duration_text.h"
#include "sim/model/key_store.h"

namespace dupsim {
namespace {

class InboxDedup final : public Strategy {
 public:
  explicit InboxDedup(Time retention) : retention_(retention) {}

  std::string Describe() const override {
    return retention_ == kNoExpiry
               ? "inbox_dedup"
               : "inbox_dedup(retention=" + DurationInLargestExactUnit(retention_) + ")";
  }

  ConsumerSetup ConsumerLayer() const override { return {retention_}; }

 private:
  Time retention_;
};

}  // namespace

StrategyInfo InboxDedupStrategy() {
  return {"inbox_dedup",
          "consumers of the ledger queue and of notifications skip message ids already in "
          "their inbox (kept for `retention`, default for ever)",
          [](StrategyParams& params) {
            const Time retention = params.PositiveDuration("retention", kNoExpiry);
            return [retention] { return std::make_unique<InboxDedup>(retention); };
          }};
}

DUPSIM_REGISTER_STRATEGY(InboxDedupStrategy);

}  // namespace dupsim
