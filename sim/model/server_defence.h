// The server layer of a strategy: what a payment server does with a charge
// request that just arrived (process it, park it behind the first, replay the
// first's answer, decline, 409), and what it hears when an admitted charge commits
// or dies uncommitted. The server (fakes/payment_server.h) calls AdmitRequest on
// arrival and then exactly one of OnCommitted or OnAbandoned for each request
// admitted with kProcess.
#pragma once

#include <cstdint>

#include "sim/engine/virtual_time.h"
#include "sim/model/admission.h"
#include "sim/model/dedup_miss.h"
#include "sim/model/ids.h"
#include "sim/model/key_store.h"

namespace dupsim {

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

class ServerDefence {
 public:
  // True if AdmitRequest claims keys in the KeyStore it is given. The store is the server's
  // one: a stack holds at most one layer that uses it.
  virtual bool UsesKeyStore() const { return false; }

  virtual AdmissionDecision AdmitRequest(const ChargeRequestView& request, KeyStore& store) {
    (void)request;
    (void)store;
    return Admission::kProcess;
  }

  // The charge for a request admitted with kProcess is committed.
  virtual void OnCommitted(const ChargeRequestView& request, KeyStore& store) {
    (void)request;
    (void)store;
  }

  // A request admitted with kProcess died uncommitted (its server crashed), or this layer
  // admitted it as part of a stack and a later layer refused it: whatever it claimed rolls
  // back with the charge that never happened.
  virtual void OnAbandoned(const ChargeRequestView& request, KeyStore& store) {
    (void)request;
    (void)store;
  }

 protected:
  ~ServerDefence() = default;
};

}  // namespace dupsim
