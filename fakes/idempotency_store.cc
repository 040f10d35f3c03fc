#include "fakes/idempotency_store.h"

#include <cassert>

#include "sim/engine/random_stream.h"

namespace dupsim {

IdempotencyStore::IdempotencyStore(std::size_t expected_keys) {
  std::size_t capacity = 16;
  while (capacity < expected_keys * 2) capacity *= 2;
  table_.resize(capacity);
}

IdempotencyStore::Entry& IdempotencyStore::Find(IdempotencyKey key) {
  assert(key != 0);
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
    Entry& e = table_[i];
    if (e.key == key || e.key == 0) return e;
  }
}

void IdempotencyStore::Grow() {
  std::vector<Entry> old(table_.size() * 2);
  old.swap(table_);
  for (const Entry& e : old) {
    if (e.key != 0) Find(e.key) = e;
  }
}

ClaimOutcome IdempotencyStore::Claim(IdempotencyKey key, Time now, std::uint32_t replica,
                                     const ClaimPolicy& policy) {
  assert(replica < 64);
  if (!held_) held_.emplace(policy.ttl == kNoExpiry ? HeldEntries::kForever : policy.ttl);
  const std::uint64_t bit = std::uint64_t{1} << replica;
  Entry& e = Find(key);
  if (e.key == key && e.claimed) {
    // Whether this check can see the claim: the insert must have landed, and on another
    // replica the replication must have arrived too.
    const Time inserted_at = e.claimed_at + policy.race_window;
    if (now < inserted_at) return ClaimOutcome::kMissedInRace;
    if (policy.per_replica && !(e.local_replicas & bit)) {
      if (now < inserted_at + policy.replication_lag) {
        e.local_replicas |= bit;
        return ClaimOutcome::kMissedInReplication;
      }
    }
    if (!e.completed) return ClaimOutcome::kInFlight;
    if (policy.ttl == kNoExpiry || now < e.claimed_at + policy.ttl) return ClaimOutcome::kCompleted;
    e.completed = false;
    e.claimed_at = now;
    e.local_replicas = bit;
    held_->Add(now);
    return ClaimOutcome::kReclaimed;
  }
  if (e.key == key) {  // released: the claim rolled back, so this one starts afresh
    e.claimed = true;
    e.claimed_at = now;
    e.local_replicas = bit;
    held_->Add(now);
    return ClaimOutcome::kClaimed;
  }
  e.key = key;
  e.claimed = true;
  e.claimed_at = now;
  e.local_replicas = bit;
  held_->Add(now);
  ++size_;
  if (size_ * 2 > table_.size()) Grow();
  return ClaimOutcome::kClaimed;
}

void IdempotencyStore::Complete(IdempotencyKey key) {
  Entry& e = Find(key);
  assert(e.key == key);
  e.completed = true;
}

void IdempotencyStore::Release(IdempotencyKey key) {
  Entry& e = Find(key);
  assert(e.key == key);
  // A racing twin committed (the key stays held by its charge), or one already rolled back.
  if (e.completed || !e.claimed) return;
  e.claimed = false;
  held_->Remove();
}

Slot IdempotencyStore::ExchangeWaiterHead(IdempotencyKey key, Slot new_head) {
  Entry& e = Find(key);
  if (e.key != key) return kNoSlot;  // never claimed: nobody waits on it
  const Slot old = e.waiter_head;
  e.waiter_head = new_head;
  return old;
}

}  // namespace dupsim
