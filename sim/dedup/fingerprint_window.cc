// `fingerprint_window`: the server refuses a charge with the same payer and
// amount as one it admitted within `window`, as card gateways do without any
// key (Braintree: same amount and card within 30 s by default; Authorize.net:
// 120 s; Helcim: 5 minutes: docs/duplicate-windows.md#gateway-windows). It stops double taps,
// retries and quick pay-agains whatever the keys, but it cannot tell a
// mistake from a customer who really pays the same amount twice: legitimate
// repeats inside the window are declined (false_blocks), and a retry after
// the window is charged again.
#include <vector>

#include "metrics/held_entries.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

class FingerprintWindow final : public Strategy, public ServerDefence {
 public:
  explicit FingerprintWindow(Time window) : window_(window), held_(window) {}

  std::string Describe() const override {
    return "fingerprint_window(window=" + DurationInLargestExactUnit(window_) + ")";
  }

  ServerDefence* ServerLayer() override { return this; }

  AdmissionDecision AdmitRequest(const ChargeRequestView& request, KeyStore&) override {
    // Payers are intent ids, so a table indexed by payer grows (amortised) to the run's size.
    if (request.payer >= last_.size())
      last_.resize(std::max<std::size_t>(request.payer + 1, 2 * last_.size()));
    Seen& seen = last_[request.payer];
    if (seen.at >= 0 && seen.amount == request.amount && request.now - seen.at <= window_) {
      return Admission::kDecline;
    }
    seen = Seen{request.now, request.amount};
    held_.Add(request.now);
    return Admission::kProcess;
  }

  // A payer's entry matters for `window` after its charge; a later charge replaces it
  // early only if the amount changed, so counting each for the window over-counts little.
  std::uint64_t PeakEntriesHeld() const override { return held_.Peak(); }
  std::size_t BytesPerPayer() const override { return sizeof(Seen); }

 private:
  struct Seen {
    Time at = -1;  // when this payer's last admitted charge arrived; -1: never
    std::int64_t amount = 0;
  };
  Time window_;
  std::vector<Seen> last_;  // by payer
  HeldEntries held_;
};

}  // namespace

StrategyInfo FingerprintWindowStrategy() {
  return {"fingerprint_window",
          "the server declines a charge with the same payer and amount as one within `window` "
          "(default 30s, Braintree's); blocks legitimate repeats too",
          [](StrategyParams& params) {
            const Time window = params.PositiveDuration("window", 30 * kSecond);
            return [window] { return std::make_unique<FingerprintWindow>(window); };
          }};
}

DUPSIM_REGISTER_STRATEGY(FingerprintWindowStrategy);

}  // namespace dupsim
