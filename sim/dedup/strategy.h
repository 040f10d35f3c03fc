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
#include <string>

#include "metrics/root_cause.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

class IdempotencyStore;

using IntentId = std::uint32_t;
using IdempotencyKey = std::uint64_t;  // 0 means "the client sent no key"

// A tap on the Pay button of one checkout page.
struct TapContext {
  IntentId intent = 0;
  std::uint32_t checkout = 0;   // 0: the first page; n: the n-th time the user paid again
  std::uint32_t tap_index = 0;  // 0 for the first tap on this page
  Time now = 0;
  Time first_tap_at = 0;      // when the first tap on this page happened
  bool page_waiting = false;  // an attempt from this page awaits its response (not timed out)
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

enum class Admission {
  kProcess,       // charge it
  kWaitForFirst,  // hold it until the request that claimed its key commits, then answer alike
  kReplayFirst,   // answer at once with the stored result of the first request
  kDecline,       // refuse it as a likely duplicate: nothing is charged, the app does not retry
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

  // Client app: whether this tap starts a submission (false swallows it).
  virtual bool AdmitTap(const TapContext& tap) {
    (void)tap;
    return true;
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

  // Server: a request admitted with kProcess died uncommitted (its server crashed): whatever
  // it claimed rolls back with the charge that never happened.
  virtual void OnAbandoned(const ChargeRequestView& request, IdempotencyStore& store) {
    (void)request;
    (void)store;
  }
};

}  // namespace dupsim
