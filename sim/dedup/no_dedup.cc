// `none`: no defence at all. The baseline every other strategy is measured
// against: every tap and every retry that reaches the server is charged.
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class NoDedup final : public Strategy {
 public:
  std::string Describe() const override { return "none"; }
};

}  // namespace

StrategyInfo NoDedupStrategy() {
  return {"none", "no defence: every tap and retry that reaches the server is charged",
          [](StrategyParams&) { return [] { return std::make_unique<NoDedup>(); }; }};
}

DUPSIM_REGISTER_STRATEGY(NoDedupStrategy);

}  // namespace dupsim
