// `first_tap_only`: a strategy that exists only in this test target, to prove a new strategy
// is one file: the app sends a page's first tap and ignores every later one (client_debounce
// with an endless window). No other file names it; its last line registers it.
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class FirstTapOnly final : public Strategy, public AppDefence {
 public:
  std::string Describe() const override { return "first_tap_only"; }
  AppDefence* AppLayer() override { return this; }
  bool AdmitTap(const TapContext& tap) override { return tap.tap_index == 0; }
};

}  // namespace

StrategyInfo FirstTapOnlyStrategy() {
  return {"first_tap_only", "test only: the app sends a page's first tap and ignores the rest",
          [](StrategyParams&) { return [] { return std::make_unique<FirstTapOnly>(); }; }};
}

DUPSIM_REGISTER_STRATEGY(FirstTapOnlyStrategy);

}  // namespace dupsim
