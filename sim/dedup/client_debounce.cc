// `client_debounce`: the Pay button ignores taps that come within `window` of
// the page's first tap. Stops double taps; does nothing against retries, proxies
// or users who pay again later, and a real second tap after the window passes.
// (Reference: "disable or debounce the Pay button",
// docs/client-side.md#debouncing-and-disabling-the-pay-button.)
#include "sim/dedup/strategy_registry.h"

#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

class ClientDebounce final : public Strategy, public AppDefence {
 public:
  explicit ClientDebounce(Time window) : window_(window) {}

  std::string Describe() const override {
    return "client_debounce(window=" + DurationInLargestExactUnit(window_) + ")";
  }

  AppDefence* AppLayer() override { return this; }

  bool AdmitTap(const TapContext& tap) override {
    return tap.tap_index == 0 || tap.now - tap.first_tap_at > window_;
  }

 private:
  Time window_;
};

}  // namespace

StrategyInfo ClientDebounceStrategy() {
  return {"client_debounce",
          "the Pay button ignores taps within `window` (default 1s) of the first",
          [](StrategyParams& params) {
            const Time window = params.Duration("window", kSecond);
            return [window] { return std::make_unique<ClientDebounce>(window); };
          }};
}

DUPSIM_REGISTER_STRATEGY(ClientDebounceStrategy);

}  // namespace dupsim
