// The idempotency key store as a server-side defence sees it: claim a key when its
// request arrives, mark it committed with the charge, release it when the charge
// died uncommitted. How a claim becomes visible (at once, after a check-then-insert
// race, after replication) is the caller's ClaimPolicy, so the store's one table is
// the ground truth and every miss is labelled exactly. The simulated store
// (fakes/idempotency_store.h) implements it; a live gateway's table could too.
#pragma once

#include <cstdint>

#include "sim/engine/virtual_time.h"
#include "sim/model/ids.h"

namespace dupsim {

enum class ClaimOutcome {
  kClaimed,              // the key was new: the caller's request owns it
  kReclaimed,            // the key had expired: forgotten, and now owned by the caller's request
  kMissedInRace,         // claimed already, but the insert was not visible yet (check-then-insert)
  kMissedInReplication,  // claimed on another replica, not replicated here yet
  kInFlight,             // claimed by a request that has not committed yet
  kCompleted,            // claimed by a request that committed
};

// A retention that never ends: for key TTLs and consumer inboxes.
inline constexpr Time kNoExpiry = -1;

struct ClaimPolicy {
  Time ttl = kNoExpiry;      // a committed key is forgotten this long after its claim
  Time race_window = 0;      // check-then-insert: the insert lands this long after the check
  Time replication_lag = 0;  // per-replica stores: other replicas see a claim this much later
  bool per_replica = false;  // false: one store shared by every replica
};

class KeyStore {
 public:
  // Precondition: key != 0 and replica < 64. A key still in flight never expires, so its
  // waiters are always answered.
  virtual ClaimOutcome Claim(IdempotencyKey key, Time now, std::uint32_t replica,
                             const ClaimPolicy& policy) = 0;

  // Marks a claimed key committed. Precondition: a Claim of this key returned a claim.
  // Completion is seen at once everywhere (waiters are answered by the committing server).
  virtual void Complete(IdempotencyKey key) = 0;

  // Forgets a claim whose request died before committing (the claim rolled back with the
  // charge): the next request with the key claims it afresh.
  virtual void Release(IdempotencyKey key) = 0;

 protected:
  ~KeyStore() = default;
};

}  // namespace dupsim
