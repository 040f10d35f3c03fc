// The servers' idempotency key store (the KeyStore of sim/model/key_store.h):
// which keys have been claimed, whether the claiming request is still in flight,
// and which later requests wait on it. How a claim becomes visible is the
// caller's ClaimPolicy: at once and to every replica (one shared store, claim
// atomic with the check), after a race window (check-then-insert: two requests
// checking within it both see nothing), or on other replicas only after a
// replication lag (a store per replica, replicated asynchronously). One table
// holds the ground truth for all of them, so a miss is recognised and labelled
// exactly. An open-addressing table with linear probing keeps look-ups
// allocation free; it doubles (rarely, amortised) when over half full.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "metrics/held_entries.h"
#include "sim/engine/virtual_time.h"
#include "sim/model/ids.h"
#include "sim/model/key_store.h"
#include "sim/network/message.h"

namespace dupsim {

class IdempotencyStore final : public KeyStore {
 public:
  explicit IdempotencyStore(std::size_t expected_keys = 1024);

  ClaimOutcome Claim(IdempotencyKey key, Time now, std::uint32_t replica,
                     const ClaimPolicy& policy) override;
  void Complete(IdempotencyKey key) override;
  // Waiters stay for the caller to take with ExchangeWaiterHead.
  void Release(IdempotencyKey key) override;

  // Parks a request on `key` (an intrusive list threaded through Message::next_waiter):
  // returns the previous head; the caller links it behind the new one.
  Slot ExchangeWaiterHead(IdempotencyKey key, Slot new_head);

  std::size_t Size() const { return size_; }
  // Claimed keys held at once at the peak (unexpired, not rolled back), for the cost report.
  std::uint64_t PeakKeysHeld() const { return held_ ? held_->Peak() : 0; }
  // Bytes of one table slot; the table keeps at least two slots per key. For the run's
  // memory estimate (sim/run/memory_estimate.h).
  static constexpr std::size_t EntryBytes();

 private:
  struct Entry {
    IdempotencyKey key = 0;  // 0 = empty
    bool claimed = false;    // false once released: the next Claim owns it
    bool completed = false;
    Time claimed_at = 0;               // the first claim's check
    std::uint64_t local_replicas = 0;  // replicas that hold their own claim (per-replica stores)
    Slot waiter_head = kNoSlot;
  };
  Entry& Find(IdempotencyKey key);  // the entry holding `key`, or the empty one where it would go
  void Grow();

  std::vector<Entry> table_;  // size is a power of two
  std::size_t size_ = 0;
  std::optional<HeldEntries> held_;  // made at the first claim, with the run's TTL
};

constexpr std::size_t IdempotencyStore::EntryBytes() {
  return sizeof(Entry);
}

}  // namespace dupsim
