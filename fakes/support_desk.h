// Customers who notice they paid twice and contact support: a cost of
// duplicates that refunds alone do not show. When an intent is charged a second
// time its user notices some time later (on their statement, from a banking
// app notification) and, with some probability, contacts support, unless by
// then every duplicate of that intent has been refunded (in full or in part:
// the customer saw the money move back).
//
// One decision per duplicated intent, taken at its first duplicate: two draws
// (contact or not, then the notice delay) from the intent's own stream, so the
// same user reacts the same under every strategy.
#pragma once

#include <cstdint>

#include "fakes/charge_listener.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"

namespace dupsim {

class Ledger;

struct SupportDeskOptions {
  double contact_probability = 0.0;  // a user who notices an unrefunded duplicate contacts
                                     // support; 0 = nobody does (off)
  DistributionPtr notice_delay;      // from an intent's first duplicate charge to its user
                                     // noticing (required when contact_probability > 0)
};

class SupportDesk final : public EventHandler, public ChargeListener {
 public:
  SupportDesk(Scheduler& sim, SupportDeskOptions options, RandomStream stream,
              const Ledger& ledger);

  // Whether it needs to hear of charges at all.
  bool Enabled() const { return options_.contact_probability > 0; }

  void OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) override;
  void Handle(const Event& event) override;

  std::uint64_t Contacts() const { return contacts_; }

 private:
  Scheduler& sim_;
  HandlerId self_;
  SupportDeskOptions options_;
  RandomStream stream_;
  const Ledger& ledger_;
  std::uint64_t contacts_ = 0;
};

}  // namespace dupsim
