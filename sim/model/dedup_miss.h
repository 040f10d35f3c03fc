// Why a server-side dedup let a request through although its key had been seen. A message
// carries it from the server to the ledger (sim/network/message.h), the strategy returns it
// (sim/model/strategy.h) and the root cause reads it (metrics/root_cause.h), so it lives
// below all three.
#pragma once

#include <cstdint>

namespace dupsim {

// The key store's own failure, which outranks whatever made the client repeat.
enum class DedupMiss : std::uint8_t {
  kNone,
  kKeyExpired,
  kReplicationLag,      // the key was claimed on another replica, not replicated here yet
  kConcurrentInFlight,  // check-then-insert: both checked before either inserted
};

}  // namespace dupsim
