// `order_id`: the merchant creates an order number before the first payment
// page and every payment for it carries the number, unique forever (WeChat
// Pay's out_trade_no: on an error, query the order, then retry with the SAME
// number; Alipay alike: docs/order-numbers.md#wechat-pay). Unlike a key per checkout page,
// a user who pays again because no confirmation came reuses the order, so
// that duplicate is stopped too. A real second purchase is a new order, so
// legitimate repeats go through; a scammer sets up a new payment, so fraud
// does too.
#include "sim/dedup/idempotency_key.h"
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class OrderId final : public IdempotencyKeyDedup, public AppDefence {
 public:
  OrderId() : IdempotencyKeyDedup("order_id", KeyDedupOptions{}) {}

  AppDefence* AppLayer() override { return this; }
  AppSetup Setup() const override {
    AppSetup setup;
    setup.key_scheme = KeyScheme::kPerOrder;
    return setup;
  }
};

}  // namespace

StrategyInfo OrderIdStrategy() {
  return {"order_id",
          "one order number per intent, unique forever: paying again reuses the order (WeChat "
          "Pay's out_trade_no)",
          [](StrategyParams&) { return [] { return std::make_unique<OrderId>(); }; }};
}

DUPSIM_REGISTER_STRATEGY(OrderIdStrategy);

}  // namespace dupsim
