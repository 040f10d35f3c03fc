// A person paying: taps Pay, sometimes twice, waits for a sign that the payment
// went through, and, if none comes within their patience, may pay again on a
// fresh checkout page. A fresh page means a fresh idempotency key, which is why
// keys alone do not stop this kind of duplicate.
//
// Each checkout page's behaviour (second tap or not, gap, patience, pay again or
// not) is drawn when the page opens, four draws in a fixed order from the
// intent's own stream, so the same user behaves the same under every strategy.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "fakes/payment_confirmation_listener.h"
#include "sim/engine/distribution.h"
#include "sim/engine/simulator.h"

namespace dupsim {

class ClientApp;

struct UserOptions {
  double double_tap_probability = 0.0;  // a second tap on the same page
  DistributionPtr double_tap_gap;       // from the first tap to the second (required)
  DistributionPtr patience;             // from a page's first tap to giving up waiting (required)
  double pay_again_probability = 0.0;   // unconfirmed after patience -> pays again
  std::uint32_t pay_again_limit = 1;    // pay-agains per intent at most
};

struct UserCounters {
  std::uint64_t intents = 0;
  std::uint64_t pay_agains = 0;
  std::uint64_t confirmed_intents = 0;
};

class User final : public EventHandler, public PaymentConfirmationListener {
 public:
  enum EventKind : std::uint32_t { kSecondTap = 0, kPatienceOver = 1 };

  User(Simulator& sim, UserOptions options, RandomStream stream, std::uint32_t intents,
       ClientApp& client);

  // The user decides to pay for `intent` now.
  void StartIntent(IntentId intent);

  void OnPaymentConfirmed(IntentId intent) override;
  void Handle(const Event& event) override;

  const UserCounters& counters() const { return counters_; }
  // Per intent, 1 once the user learned the payment went through.
  std::span<const std::uint8_t> Confirmed() const { return confirmed_; }
  // For each confirmed intent, in confirmation order: from the first tap to the confirmation.
  const std::vector<Time>& TimesToConfirmation() const { return times_to_confirmation_; }

 private:
  void OpenCheckout(IntentId intent, std::uint32_t checkout);

  Simulator& sim_;
  HandlerId self_;
  UserOptions options_;
  ClientApp& client_;
  std::vector<RandomStream> rng_;        // per intent: the user's own stream
  std::vector<std::uint8_t> confirmed_;  // per intent
  std::vector<Time> started_at_;         // per intent: its first tap
  std::vector<Time> times_to_confirmation_;
  UserCounters counters_;
};

}  // namespace dupsim
