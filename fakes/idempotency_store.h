// The server's idempotency key store: which keys have been claimed, whether the
// claiming request is still in flight, and which later requests wait on it.
// First cut: one store shared by all servers, claims atomic with the charge, no
// TTL. An open-addressing table with linear probing keeps look-ups allocation
// free; it doubles (rarely, amortised) when over half full.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/dedup/strategy.h"
#include "sim/engine/virtual_time.h"
#include "sim/network/message.h"

namespace dupsim {

enum class ClaimOutcome {
  kClaimed,    // the key was new: the caller's request owns it
  kReclaimed,  // the key had expired: forgotten, and now owned by the caller's request
  kInFlight,   // claimed by a request that has not committed yet
  kCompleted,  // claimed by a request that committed
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(std::size_t expected_keys = 1024);

  // Precondition: key != 0. A committed key is forgotten `ttl` after its claim (kNoExpiry:
  // never); a key still in flight never expires, so its waiters are always answered.
  ClaimOutcome Claim(IdempotencyKey key, Time now, Time ttl);
  static constexpr Time kNoExpiry = -1;

  // Marks a claimed key committed. Precondition: Claim(key) returned kClaimed earlier.
  void Complete(IdempotencyKey key);

  // Parks a request on `key` (an intrusive list threaded through Message::next_waiter):
  // returns the previous head; the caller links it behind the new one.
  Slot ExchangeWaiterHead(IdempotencyKey key, Slot new_head);

  std::size_t Size() const { return size_; }

 private:
  struct Entry {
    IdempotencyKey key = 0;  // 0 = empty
    bool completed = false;
    Time claimed_at = 0;
    Slot waiter_head = kNoSlot;
  };
  Entry& Find(IdempotencyKey key);  // the entry holding `key`, or the empty one where it would go
  void Grow();

  std::vector<Entry> table_;  // size is a power of two
  std::size_t size_ = 0;
};

}  // namespace dupsim
