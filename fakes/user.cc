#include "fakes/user.h"

#include <cassert>

#include "fakes/client_app.h"
#include "sim/model/charge_origin.h"
#include "sim/model/trace_event.h"

namespace dupsim {
namespace {

// An event's page: intent in the low 32 bits, checkout page above, the page's pay-again
// decision in bit 63.
struct PagePayload {
  IntentId intent = 0;
  std::uint32_t checkout = 0;
  bool pay_again = false;

  std::uint64_t Pack() const {
    return intent | (static_cast<std::uint64_t>(checkout) << 32) |
           (pay_again ? std::uint64_t{1} << 63 : 0);
  }
  static PagePayload Unpack(std::uint64_t p) {
    return {static_cast<IntentId>(p), static_cast<std::uint32_t>((p >> 32) & 0x7fffffff),
            (p >> 63) != 0};
  }
};

}  // namespace

User::User(Scheduler& sim, UserOptions options, UserStreams streams, std::uint32_t intents,
           ClientApp& client)
    : sim_(sim),
      self_(sim.Register(this)),
      options_(std::move(options)),
      streams_(streams),
      client_(client) {
  assert(options_.double_tap_gap && options_.patience);
  assert(options_.pay_again_limit < kFraudCheckout);  // pay-again pages stay below scam pages
  assert(options_.fraud.probability == 0 || options_.fraud.delay);
  rng_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) rng_.push_back(streams_.pages.Derive(i));
  confirmed_.assign(intents, 0);
  started_at_.assign(intents, 0);
  times_to_confirmation_.reserve(intents);  // filled during the run without reallocating
}

void User::ConnectStatusQueries(StatusQueryService* service) {
  assert(service != nullptr);
  status_queries_ = service;
  asker_ = service->AddAsker(this);
}

void User::StartIntent(IntentId intent) {
  ++counters_.intents;
  started_at_[intent] = sim_.Now();
  OpenCheckout(intent, 0);
}

void User::OpenCheckout(IntentId intent, std::uint32_t checkout) {
  RandomStream& rng = rng_[intent];
  const bool double_tap = rng.Bernoulli(options_.double_tap_probability);
  const Time gap = options_.double_tap_gap->Sample(rng);
  const Time patience = options_.patience->Sample(rng);
  const bool pay_again = rng.Bernoulli(options_.pay_again_probability);

  Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kTap, intent, checkout, 0);
  client_.Tap(intent, checkout, 0);
  if (double_tap) sim_.Schedule(gap, self_, kSecondTap, PagePayload{intent, checkout}.Pack());
  sim_.Schedule(patience, self_, kPatienceOver, PagePayload{intent, checkout, pay_again}.Pack());
}

void User::OnPaymentConfirmed(IntentId intent) {
  if (confirmed_[intent]) return;
  Trace(sim_, Lane::kUser, Lane::kUser, TraceKind::kToldPaid, intent);
  confirmed_[intent] = 1;
  times_to_confirmation_.push_back(sim_.Now() - started_at_[intent]);
  ++counters_.confirmed_intents;
  if (options_.fraud.probability == 0) return;
  // The scam is decided per intent, not per confirmation path, so every strategy sees it alike.
  RandomStream rng = streams_.fraud.Derive(intent);
  const bool scammed = rng.Bernoulli(options_.fraud.probability);
  const Time delay = options_.fraud.delay->Sample(rng);
  if (scammed) sim_.Schedule(delay, self_, kScammed, PagePayload{intent}.Pack());
}

void User::OnPatienceOver(IntentId intent, std::uint32_t checkout) {
  Trace(sim_, Lane::kUser, Lane::kUser, TraceKind::kPatienceOver, intent, checkout);
  if (options_.status_query_probability > 0) {
    RandomStream rng =
        streams_.status_query.Derive((static_cast<std::uint64_t>(intent) << 8) | checkout);
    if (rng.Bernoulli(options_.status_query_probability)) {
      assert(status_queries_ != nullptr);
      ++counters_.status_queries;
      Trace(sim_, Lane::kUser, Lane::kServer, TraceKind::kStatusLookup, intent, checkout);
      status_queries_->Ask(asker_, intent, checkout);
      return;
    }
  }
  PayAgain(intent, checkout);
}

void User::OnPaymentStatus(IntentId intent, std::uint32_t tag, PaymentStatus status) {
  if (confirmed_[intent]) return;  // told while looking: nothing left to decide
  Trace(sim_, Lane::kServer, Lane::kUser, TraceKind::kStatusAnswer, intent, tag, 0, 0,
        static_cast<std::uint32_t>(status));
  if (status == PaymentStatus::kCharged) {
    ++counters_.confirmed_by_status_query;
    OnPaymentConfirmed(intent);
    return;
  }
  PayAgain(intent, tag);  // nothing shown, or the look-up failed: as if they had not looked
}

void User::PayAgain(IntentId intent, std::uint32_t checkout) {
  ++counters_.pay_agains;
  Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kPayAgain, intent, checkout + 1);
  OpenCheckout(intent, checkout + 1);
}

void User::Handle(const Event& event) {
  const auto [intent, checkout, pay_again] = PagePayload::Unpack(event.payload);
  switch (event.kind) {
    case kSecondTap:
      Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kTap, intent, checkout, 1);
      client_.Tap(intent, checkout, 1);
      return;
    case kPatienceOver:
      // Only the newest page's deadline counts, and only while nothing confirmed the payment.
      if (confirmed_[intent] || !pay_again) return;
      if (checkout >= options_.pay_again_limit) return;
      OnPatienceOver(intent, checkout);
      return;
    case kScammed:
      // A new checkout (new page, new key), one tap: the user means this payment.
      ++counters_.fraud_payments;
      Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kScammed, intent, kFraudCheckout);
      Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kTap, intent, kFraudCheckout, 0);
      client_.Tap(intent, kFraudCheckout, 0);
      return;
  }
  assert(false && "unknown user event");
}

}  // namespace dupsim
