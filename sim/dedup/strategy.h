// The interface every anti-duplicate strategy implements. A strategy is a set
// of hooks at the points where real systems defend: the Pay button on the
// client, and request admission and commit on the server. Each hook has a
// do-nothing default, so a strategy overrides only the layers it acts on.
//
// A fresh instance is made for every run (see ConfiguredStrategy), so a
// strategy may keep per-run state; hooks are called on the simulator's single
// thread, in virtual-time order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sim/engine/virtual_time.h"
#include "sim/model/admission.h"
#include "sim/model/charge_origin.h"
#include "sim/model/dedup_miss.h"
#include "sim/model/ids.h"

namespace dupsim {

class IdempotencyStore;

// A tap on the Pay button of one checkout page.
struct TapContext {
  IntentId intent = 0;
  std::uint32_t checkout = 0;   // 0: the first page; n: the n-th time the user paid again
  std::uint32_t tap_index = 0;  // 0 for the first tap on this page
  Time now = 0;
  Time first_tap_at = 0;      // when the first tap on this page happened
  bool page_waiting = false;  // an attempt from this page awaits its response (not timed out)
  std::uint32_t payer = 0;    // who pays; the app knows its own user
  std::int64_t amount = 0;    // cents
  // The app showed success for the payment of this payer's previous Pay tap (a real repeat
  // after a success screen; not a second tap, nor a pay-again after no answer).
  bool previous_tap_shown_paid = false;
};

// "You paid this 40 s ago. Pay again?": shown before an admitted tap submits. The
// user answers after `answer_time`; a tap they did not mean (the second of a double
// tap) is confirmed anyway with `mistaken_yes`, one they meant (a first tap: a first
// payment, a pay-again, a real repeat) is refused with `mistaken_no`.
struct RepeatPrompt {
  Time answer_time = 0;
  double mistaken_yes = 0;
  double mistaken_no = 0;
};

// A review screen between Pay and the charge ("Confirm payment of 12.00?"): taps on Pay
// open it and further taps on Pay land on it harmlessly; the user taps Confirm after
// `review_time`. The Confirm tap is doubled with the scenario's double-tap probability
// times `double_tap_ratio`; the user leaves the screen instead with `abandon_probability`.
struct ReviewStep {
  Time review_time = 0;
  double double_tap_ratio = 0;
  double abandon_probability = 0;
};

// A charge request as the server sees it on arrival.
struct ChargeRequestView {
  IntentId intent = 0;  // ground truth; a real server cannot see it, so strategies must not use it
  IdempotencyKey key = 0;
  Time now = 0;
  std::uint32_t replica = 0;  // the server replica handling it
  std::uint32_t payer = 0;    // who pays (a legitimate repeat shares its original's payer)
  std::int64_t amount = 0;    // cents
};

// What to do with a request, and, when it is processed although its key was
// seen before, why the dedup missed it (labels the duplicate's root cause).
struct AdmissionDecision {
  AdmissionDecision(Admission a, DedupMiss m = DedupMiss::kNone) : action(a), miss(m) {}
  Admission action;
  DedupMiss miss;
};

class Strategy {
 public:
  virtual ~Strategy() = default;

  // "client_debounce(window=1s)": the name and every parameter's value, defaults included.
  virtual std::string Describe() const = 0;

  // Client app: true makes the app send a fresh idempotency key on every attempt, whatever
  // its configured key scope (the common bug; asked once per run).
  virtual bool FreshKeyPerAttempt() const { return false; }

  // Client app: true makes every checkout page of an intent send the same key, an order number
  // fixed before the first page (order_id): paying again reuses the order.
  virtual bool KeyPerOrder() const { return false; }

  // After the fact: true runs the reconciliation job (with the scenario's settings, or the
  // defaults) even when the scenario does not (reconcile_and_refund).
  virtual bool TurnsOnReconciliation() const { return false; }

  // Client app: true makes the app ask for the payment's status before each retry, and show
  // success instead of retrying when the charge is there (query_before_retry).
  virtual bool QueryBeforeRetry() const { return false; }

  // User: true makes every user about to pay again look the payment up first, whatever the
  // scenario's user.status_query probability (query_before_retry with asks: app_and_user).
  virtual bool UsersQueryBeforePayingAgain() const { return false; }

  // Client app: a review step before every payment (two_step_confirmation); asked once.
  virtual std::optional<ReviewStep> ReviewBeforePay() const { return std::nullopt; }

  // Consumers (the ledger writer, the notification handler): record every message id in
  // an inbox atomically with the message's effect, and skip ids already there
  // (inbox_dedup). The value is how long an id is kept (IdempotencyStore::kNoExpiry:
  // forever); nullopt: no inbox. Asked once.
  virtual std::optional<Time> InboxRetention() const { return std::nullopt; }

  // Server: true if AdmitRequest claims keys in the IdempotencyStore it is given. The store
  // is the server's one: a stack holds at most one strategy that uses it.
  virtual bool UsesKeyStore() const { return false; }

  // Dedup entries the strategy keeps in tables of its own (not the key store) at their
  // peak, for the cost report; asked after the run.
  virtual std::uint64_t PeakEntriesHeld() const { return 0; }

  // Bytes per payer of the strategy's tables indexed by payer (payers are intent ids, so
  // they grow to the run's size), for the run's memory estimate (sim/run/memory_estimate.h).
  virtual std::size_t BytesPerPayer() const { return 0; }

  // Client app: whether this tap starts a submission (false swallows it).
  virtual bool AdmitTap(const TapContext& tap) {
    (void)tap;
    return true;
  }

  // Client app, for a tap AdmitTap let through and BlockTap did not (called in that order):
  // ask the user first (a prompt), or not.
  virtual std::optional<RepeatPrompt> PromptBeforeTap(const TapContext& tap) {
    (void)tap;
    return std::nullopt;
  }

  // Client app, for a tap AdmitTap let through: true refuses it as a likely accidental
  // repeat (the app says so; nothing is sent). Counts as a block for a payment the user
  // meant.
  virtual bool BlockTap(const TapContext& tap) {
    (void)tap;
    return false;
  }

  // Server: what to do with a request that just arrived.
  virtual AdmissionDecision AdmitRequest(const ChargeRequestView& request,
                                         IdempotencyStore& store) {
    (void)request;
    (void)store;
    return Admission::kProcess;
  }

  // Server: the charge for a request admitted with kProcess is committed.
  virtual void OnCommitted(const ChargeRequestView& request, IdempotencyStore& store) {
    (void)request;
    (void)store;
  }

  // Server: a request admitted with kProcess died uncommitted (its server crashed), or this
  // strategy admitted it as a layer of a stack and a later layer refused it: whatever it
  // claimed rolls back with the charge that never happened.
  virtual void OnAbandoned(const ChargeRequestView& request, IdempotencyStore& store) {
    (void)request;
    (void)store;
  }
};

}  // namespace dupsim
