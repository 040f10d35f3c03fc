// A person paying: taps Pay, sometimes twice, waits for a sign that the payment
// went through, and, if none comes within their patience, may pay again on a
// fresh checkout page. A fresh page means a fresh idempotency key, which is why
// keys alone do not stop this kind of duplicate.
//
// Before paying again, a user may first look the payment up (transaction
// history, "check status"): if the answer shows a charge they count as told and
// stop. And some users, after being told they paid, are talked by a scammer
// into paying again on a new checkout (numbered kFraudCheckout, so the ledger
// labels the charge fraud_induced); no key can stop that either.
//
// Randomness, so the same user behaves the same under every strategy: each
// checkout page's behaviour (second tap or not, gap, patience, pay again or
// not) is drawn when the page opens, four draws in a fixed order from the
// intent's own stream; the look-up decision is one draw from a stream derived
// from (intent, page); the scam decision two draws (whether, delay) from one
// derived from the intent. The last two streams are separate components, so
// turning those knobs on leaves every other draw where it was.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "fakes/payment_confirmation_listener.h"
#include "fakes/status_query_service.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"

namespace dupsim {

class ClientApp;

struct FraudOptions {
  double probability = 0.0;  // a confirmed user is scammed into paying again
  DistributionPtr delay;     // from the user being told they paid to the scammed payment
                             // (required if probability > 0)
};

struct UserOptions {
  double double_tap_probability = 0.0;  // a second tap on the same page
  DistributionPtr double_tap_gap;       // from the first tap to the second (required)
  DistributionPtr patience;             // from a page's first tap to giving up waiting (required)
  double pay_again_probability = 0.0;   // unconfirmed after patience -> pays again
  std::uint32_t pay_again_limit = 1;    // pay-agains per intent at most
  // About to pay again unconfirmed -> first asks the payment's status (needs a
  // StatusQueryService); pays again only if the answer shows no charge or never comes.
  double status_query_probability = 0.0;
  FraudOptions fraud;
};

// Where the user's draws come from: one named component stream each.
struct UserStreams {
  RandomStream pages;         // per intent: each page's four draws
  RandomStream status_query;  // per (intent, page): look the payment up first or not
  RandomStream fraud;         // per intent: scammed or not, and when

  static UserStreams ForSeed(std::uint64_t seed) {
    return {RandomStream::ForComponent(seed, "user"),
            RandomStream::ForComponent(seed, "user.status_query"),
            RandomStream::ForComponent(seed, "user.fraud")};
  }
};

struct UserCounters {
  std::uint64_t intents = 0;
  std::uint64_t pay_agains = 0;
  std::uint64_t confirmed_intents = 0;
  std::uint64_t status_queries = 0;             // look-ups before paying again
  std::uint64_t confirmed_by_status_query = 0;  // look-ups that showed the charge
  std::uint64_t fraud_payments = 0;             // scammed checkouts opened
};

class User final : public EventHandler,
                   public PaymentConfirmationListener,
                   public StatusQueryListener {
 public:
  enum EventKind : std::uint32_t { kSecondTap = 0, kPatienceOver = 1, kScammed = 2 };

  User(Scheduler& sim, UserOptions options, UserStreams streams, std::uint32_t intents,
       ClientApp& client);

  // Wiring: where the user looks payments up. Required before the run when
  // status_query_probability > 0.
  void ConnectStatusQueries(StatusQueryService* service);

  // The user decides to pay for `intent` now.
  void StartIntent(IntentId intent);

  void OnPaymentConfirmed(IntentId intent) override;
  // `tag` is the checkout page whose patience ran out.
  void OnPaymentStatus(IntentId intent, std::uint32_t tag, PaymentStatus status) override;
  void Handle(const Event& event) override;

  const UserCounters& counters() const { return counters_; }
  // Per intent, 1 once the user learned the payment went through.
  std::span<const std::uint8_t> Confirmed() const { return confirmed_; }
  // For each confirmed intent, in confirmation order: from the first tap to the confirmation.
  const std::vector<Time>& TimesToConfirmation() const { return times_to_confirmation_; }

 private:
  void OpenCheckout(IntentId intent, std::uint32_t checkout);
  void OnPatienceOver(IntentId intent, std::uint32_t checkout);
  void PayAgain(IntentId intent, std::uint32_t checkout);

  Scheduler& sim_;
  HandlerId self_;
  UserOptions options_;
  UserStreams streams_;
  ClientApp& client_;
  StatusQueryService* status_queries_ = nullptr;
  StatusQueryService::AskerId asker_ = 0;
  std::vector<RandomStream> rng_;        // per intent: the user's own stream
  std::vector<std::uint8_t> confirmed_;  // per intent
  std::vector<Time> started_at_;         // per intent: its first tap
  std::vector<Time> times_to_confirmation_;
  UserCounters counters_;
};

}  // namespace dupsim
