// `confirm_on_repeat`: when the user taps Pay for the same amount as their
// last payment within `window`, the app asks first: "You paid this 40 s ago.
// Pay again?" (Clover requires such a prompt for potential duplicates, same
// card within 1 h: docs/duplicate-windows.md#gateway-windows). Users answer by whether they meant
// the tap: a second tap of a double tap is refused (except `mistaken_yes` of
// the time: a habit of clicking through dialogs), a payment they mean is
// confirmed (except `mistaken_no`). So it stops double taps, however slow, but
// not a user who pays again because no confirmation came: they believe the
// first payment failed and say yes. Nor anything behind the app: retries,
// proxies, crashes. Costs: a prompt on every real repeat within the window,
// `answer_time` more to pay, and real repeats refused by mistake (false
// blocks). The error rates and answer time are assumptions (no public figure);
// set them from your own UX data.
#include "sim/dedup/recent_taps.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/distribution.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

class ConfirmOnRepeat final : public Strategy, public AppDefence {
 public:
  ConfirmOnRepeat(Time window, RepeatPrompt prompt) : window_(window), prompt_(prompt) {}

  std::string Describe() const override {
    return "confirm_on_repeat(window=" + DurationInLargestExactUnit(window_) + ", " +
           DescribeRepeatPrompt(prompt_) + ")";
  }

  AppDefence* AppLayer() override { return this; }

  std::optional<RepeatPrompt> PromptBeforeTap(const TapContext& tap) override {
    const Time since = recent_.SinceLastAndRecord(tap);
    if (since < 0 || since > window_) return std::nullopt;
    return prompt_;
  }

  std::size_t BytesPerPayer() const override { return RecentTaps::BytesPerPayer(); }

 private:
  Time window_;
  RepeatPrompt prompt_;
  RecentTaps recent_;
};

}  // namespace

RepeatPrompt ReadRepeatPrompt(StrategyParams& params) {
  RepeatPrompt prompt;
  prompt.answer_time = params.Duration("answer_time", 3 * kSecond);
  prompt.mistaken_yes = params.Probability("mistaken_yes", 0.05);
  prompt.mistaken_no = params.Probability("mistaken_no", 0.01);
  return prompt;
}

std::string DescribeRepeatPrompt(const RepeatPrompt& prompt) {
  return "answer_time=" + DurationInLargestExactUnit(prompt.answer_time) +
         ", mistaken_yes=" + FormatNumber(prompt.mistaken_yes) +
         ", mistaken_no=" + FormatNumber(prompt.mistaken_no);
}

StrategyInfo ConfirmOnRepeatStrategy() {
  return {"confirm_on_repeat",
          "the app asks \"Pay again?\" before a payment repeating the payer's last within "
          "`window` (default 1h, Clover's); users refuse taps they did not mean",
          [](StrategyParams& params) {
            const Time window = params.PositiveDuration("window", kHour);
            const RepeatPrompt prompt = ReadRepeatPrompt(params);
            return [window, prompt] { return std::make_unique<ConfirmOnRepeat>(window, prompt); };
          }};
}

DUPSIM_REGISTER_STRATEGY(ConfirmOnRepeatStrategy);

}  // namespace dupsim
