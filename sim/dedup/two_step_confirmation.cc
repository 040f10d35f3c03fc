// `two_step_confirmation`: Pay opens a review screen ("Confirm payment of
// 12.00 to Coffee Shop") and the charge starts only when the user taps
// Confirm, `review_time` later. A double tap on Pay lands on the review screen
// and does nothing; the Confirm tap, deliberate, is doubled less often
// (`double_tap_ratio` of the scenario's double-tap probability, an assumption:
// set 1 for users who double-tap out of habit). So fewer double taps, at the
// price of `review_time` on every payment and the users who leave at the review
// step (`abandon_probability`, counted in false_blocks; default 0: set it from
// your checkout funnel). It does nothing against retries, proxies, crashes or
// users who pay again: every repeat goes through the same two steps.
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/distribution.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

class TwoStepConfirmation final : public Strategy, public AppDefence {
 public:
  explicit TwoStepConfirmation(ReviewStep step) : step_(step) {}

  std::string Describe() const override {
    return "two_step_confirmation(review_time=" + DurationInLargestExactUnit(step_.review_time) +
           ", double_tap_ratio=" + FormatNumber(step_.double_tap_ratio) +
           ", abandon_probability=" + FormatNumber(step_.abandon_probability) + ")";
  }

  AppDefence* AppLayer() override { return this; }
  AppSetup Setup() const override {
    AppSetup setup;
    setup.review = step_;
    return setup;
  }

 private:
  ReviewStep step_;
};

}  // namespace

StrategyInfo TwoStepConfirmationStrategy() {
  return {"two_step_confirmation",
          "Pay opens a review screen; the charge starts on Confirm, `review_time` (default 3s) "
          "later: fewer double taps, more latency",
          [](StrategyParams& params) {
            ReviewStep step;
            step.review_time = params.PositiveDuration("review_time", 3 * kSecond);
            step.double_tap_ratio = params.Probability("double_tap_ratio", 0.5);
            step.abandon_probability = params.Probability("abandon_probability", 0.0);
            return [step] { return std::make_unique<TwoStepConfirmation>(step); };
          }};
}

DUPSIM_REGISTER_STRATEGY(TwoStepConfirmationStrategy);

}  // namespace dupsim
