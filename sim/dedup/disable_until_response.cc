// `disable_until_response`: the Pay button stays disabled while the page's
// attempt awaits its answer, and comes back when the answer arrives or the
// attempt times out. Unlike a fixed debounce window it needs no tuning and
// holds through a slow response, but after a timeout the button is live
// again: a user who taps then pays twice if the first request went through.
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class DisableUntilResponse final : public Strategy, public AppDefence {
 public:
  std::string Describe() const override { return "disable_until_response"; }

  AppDefence* AppLayer() override { return this; }

  bool AdmitTap(const TapContext& tap) override { return !tap.page_waiting; }
};

}  // namespace

StrategyInfo DisableUntilResponseStrategy() {
  return {"disable_until_response",
          "the Pay button is disabled while an attempt awaits its answer (until it or the timeout "
          "comes)",
          [](StrategyParams&) { return [] { return std::make_unique<DisableUntilResponse>(); }; }};
}

DUPSIM_REGISTER_STRATEGY(DisableUntilResponseStrategy);

}  // namespace dupsim
