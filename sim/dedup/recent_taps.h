// What the client-side repeat detectors (confirm_on_repeat, risk_score) know:
// each payer's last Pay tap (when, how much), and how they read the user's
// answers to a "Pay again?" prompt from their parameters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/input/strategy_params.h"
#include "sim/model/strategy.h"

namespace dupsim {

class RecentTaps {
 public:
  // How long ago this payer last tapped Pay for the same amount; -1 if never (or another
  // amount since). Then remembers this tap as the payer's last.
  Time SinceLastAndRecord(const TapContext& tap) {
    // Payers are intent ids, so a table indexed by payer grows (amortised) to the run's size.
    if (tap.payer >= last_.size()) {
      last_.resize(std::max<std::size_t>(tap.payer + 1, 2 * last_.size()));
    }
    Seen& seen = last_[tap.payer];
    const Time since = seen.at >= 0 && seen.amount == tap.amount ? tap.now - seen.at : -1;
    seen = Seen{tap.now, tap.amount};
    return since;
  }

  static constexpr std::size_t BytesPerPayer();

 private:
  struct Seen {
    Time at = -1;
    std::int64_t amount = 0;
  };
  std::vector<Seen> last_;  // by payer
};

constexpr std::size_t RecentTaps::BytesPerPayer() {
  return sizeof(Seen);
}

// answer_time, mistaken_yes, mistaken_no, with the defaults documented in
// confirm_on_repeat.cc (InputError on bad ones).
RepeatPrompt ReadRepeatPrompt(StrategyParams& params);
// "answer_time=3s, mistaken_yes=0.05, mistaken_no=0.01"
std::string DescribeRepeatPrompt(const RepeatPrompt& prompt);

}  // namespace dupsim
