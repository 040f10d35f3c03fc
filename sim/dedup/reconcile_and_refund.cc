// `reconcile_and_refund`: prevents nothing. A reconciliation job finds each
// duplicate after a delay and refunds it (the scenario's `reconciliation`
// settings, or a daily batch and 1-3 day refunds by default), which limits
// the damage: money held and support contacts, not the duplicate rate.
// (Accounts payable teams recover 0.1-2% of disbursements this way:
// docs/after-the-fact.md#how-often-payments-are-duplicated.)
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class ReconcileAndRefund final : public Strategy {
 public:
  std::string Describe() const override { return "reconcile_and_refund"; }
  AfterTheFactSetup AfterTheFactLayer() const override { return {.reconciliation = true}; }
};

}  // namespace

StrategyInfo ReconcileAndRefundStrategy() {
  return {"reconcile_and_refund",
          "prevents nothing: a reconciliation job finds duplicates and refunds them later",
          [](StrategyParams&) { return [] { return std::make_unique<ReconcileAndRefund>(); }; }};
}

DUPSIM_REGISTER_STRATEGY(ReconcileAndRefundStrategy);

}  // namespace dupsim
