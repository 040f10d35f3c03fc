// `risk_score`: a scored detector of accidental repeats in the app, acting only
// above a threshold, so one parameter trades missed duplicates against blocked
// real payments (sweep `threshold` to trace the curve). A tap scores
//   2^(-since / half_life) x (paid_weight if the app showed the payer's previous
//   payment as paid, else 1),
// where `since` is the time since the payer's last Pay tap for the same amount
// (no such tap: 0). A fast second tap scores near 1; a pay-again after a lost
// confirmation scores by how long the user waited; a real repeat, minutes
// later and after a success screen, scores low. At or above `threshold` the app
// prompts (action: prompt, answered as in confirm_on_repeat) or refuses the
// tap outright (action: block: a pay-again after a payment that really failed
// becomes a lost payment, counted in false_blocks). Like every client-side
// defence it sees taps only, never retries, proxies or crashes. The weights are
// a design choice, not fitted to data: the point is the trade-off's shape.
#include <cmath>

#include "sim/dedup/recent_taps.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/distribution.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

enum class RiskAction { kPrompt, kBlock };

struct RiskOptions {
  double threshold = 0.5;
  Time half_life = kMinute;
  double paid_weight = 0.5;
  RiskAction action = RiskAction::kPrompt;
  RepeatPrompt prompt;  // with action kPrompt
};

class RiskScore final : public Strategy, public AppDefence {
 public:
  explicit RiskScore(RiskOptions options) : options_(options) {}

  std::string Describe() const override {
    std::string text = "risk_score(threshold=" + FormatNumber(options_.threshold) +
                       ", half_life=" + DurationInLargestExactUnit(options_.half_life) +
                       ", paid_weight=" + FormatNumber(options_.paid_weight);
    if (options_.action == RiskAction::kBlock) return text + ", action=block)";
    return text + ", action=prompt, " + DescribeRepeatPrompt(options_.prompt) + ")";
  }

  AppDefence* AppLayer() override { return this; }

  // One score per tap, taken before the decision hooks; the app calls BlockTap first.
  bool BlockTap(const TapContext& tap) override {
    flagged_ = Flags(tap);
    return flagged_ && options_.action == RiskAction::kBlock;
  }

  std::optional<RepeatPrompt> PromptBeforeTap(const TapContext&) override {
    if (flagged_ && options_.action == RiskAction::kPrompt) return options_.prompt;
    return std::nullopt;
  }

  std::size_t BytesPerPayer() const override { return RecentTaps::BytesPerPayer(); }

 private:
  bool Flags(const TapContext& tap) {
    const Time since = recent_.SinceLastAndRecord(tap);
    if (since < 0) return false;
    const double recency =
        std::exp2(-static_cast<double>(since) / static_cast<double>(options_.half_life));
    const double score = recency * (tap.previous_tap_shown_paid ? options_.paid_weight : 1.0);
    return score > 0 && score >= options_.threshold;
  }

  RiskOptions options_;
  RecentTaps recent_;
  bool flagged_ = false;  // the current tap's verdict, between BlockTap and PromptBeforeTap
};

}  // namespace

StrategyInfo RiskScoreStrategy() {
  return {"risk_score",
          "the app scores each tap as an accidental repeat (recency, success shown) and prompts "
          "or blocks at or above `threshold` (default 0.5); sweep it for the trade-off",
          [](StrategyParams& params) {
            RiskOptions options;
            options.threshold = params.Probability("threshold", 0.5);
            options.half_life = params.PositiveDuration("half_life", kMinute);
            options.paid_weight = params.Probability("paid_weight", 0.5);
            options.action = params.Choice("action", {"prompt", "block"}, 0) == 1
                                 ? RiskAction::kBlock
                                 : RiskAction::kPrompt;
            if (options.action == RiskAction::kBlock) {
              for (const char* key : {"answer_time", "mistaken_yes", "mistaken_no"}) {
                if (params.Has(key)) params.Reject(key, "only with action: prompt");
              }
            } else {
              options.prompt = ReadRepeatPrompt(params);
            }
            return [options] { return std::make_unique<RiskScore>(options); };
          }};
}

DUPSIM_REGISTER_STRATEGY(RiskScoreStrategy);

}  // namespace dupsim
