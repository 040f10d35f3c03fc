// An example strategy plug-in, built by the project and loaded by its tests:
// `payer_lock`, a per-payer mutex at the server. While one charge of a payer is
// being processed, another charge of the same payer is declined ("payment
// already in progress"). It stops double taps and retries that overlap the
// first attempt without any key, but not a repeat that comes after the first
// one finished, and it blocks a legitimate second payment made at the same time.
//
// Build: a shared library against the dupsim headers (see plugins/CMakeLists.txt).
// Use:   dupsim run double_tap --plugin build/plugins/libdupsim_payer_lock.so
//            --strategy payer_lock --strategy '{name: payer_lock, hold: 2s}'
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "sim/dedup/plugin_api.h"
#include "sim/engine/duration_text.h"

namespace {

using namespace dupsim;

class PayerLock final : public Strategy, public ServerDefence {
 public:
  explicit PayerLock(Time hold) : hold_(hold) {}

  std::string Describe() const override {
    return hold_ == 0 ? "payer_lock" : "payer_lock(hold=" + DurationInLargestExactUnit(hold_) + ")";
  }

  ServerDefence* ServerLayer() override { return this; }

  AdmissionDecision AdmitRequest(const ChargeRequestView& request, KeyStore&) override {
    if (request.payer >= locked_until_.size()) {
      locked_until_.resize(std::max<std::size_t>(request.payer + 1, 2 * locked_until_.size()), -1);
    }
    Time& until = locked_until_[request.payer];
    if (until == kHeld || request.now < until) return Admission::kDecline;
    until = kHeld;
    return Admission::kProcess;
  }

  void OnCommitted(const ChargeRequestView& request, KeyStore&) override {
    locked_until_[request.payer] = request.now + hold_;  // keep it `hold` longer
  }

  void OnAbandoned(const ChargeRequestView& request, KeyStore&) override {
    locked_until_[request.payer] = -1;
  }

 private:
  static constexpr Time kHeld = -2;  // a charge is being processed
  Time hold_;
  std::vector<Time> locked_until_;  // by payer: -1 free, kHeld, or free again from that time
};

}  // namespace

extern "C" int dupsim_register_strategies(dupsim::PluginRegistrar& registrar) {
  registrar.Add({"payer_lock",
                 "(plug-in) declines a payer's charge while another is processed, and `hold` after",
                 [](StrategyParams& params) {
                   const Time hold = params.Duration("hold", 0);
                   return [hold] { return std::make_unique<PayerLock>(hold); };
                 }});
  return dupsim::kPluginApiVersion;
}
