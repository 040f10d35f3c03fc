// The messages of the payment protocol between client apps and servers. A
// message lives in a MessagePool slot from send to consumption; a request
// becomes its own response in place, so a round trip costs one slot.
#pragma once

#include <cstdint>

#include "sim/engine/slot_pool.h"
#include "sim/model/dedup_miss.h"

namespace dupsim {

enum class MessageKind : std::uint8_t { kChargeRequest, kChargeResponse };

enum class ResponseStatus : std::uint8_t {
  kOk,              // charged (or the stored result of the first request with this key)
  kRejected,        // the server shed the request (queue full): nothing was charged
  kGatewayTimeout,  // the load balancer gave up on every try: charged or not, nobody knows
  kDeclined,        // refused as a likely duplicate: nothing was charged; do not retry
  kConflict,        // 409: the first request with this key is still in flight; retry later
};

inline constexpr Slot kNoSlot = 0xffffffffu;

struct Message {
  MessageKind kind = MessageKind::kChargeRequest;
  bool replayed = false;  // a response the server answered from its key store
  ResponseStatus status = ResponseStatus::kOk;
  std::uint8_t attempt = 0;                 // 1-based HTTP attempt of the submission
  std::uint8_t checkout = 0;                // the checkout page that sent it (0: the first)
  std::uint8_t tap = 0;                     // the tap on that page that started the submission
  bool network_copy = false;                // made by the network duplicating a message
  DedupMiss dedup_miss = DedupMiss::kNone;  // set by the server when its dedup let it through
  std::uint32_t intent = 0;   // ground truth, for counting; servers must not act on it
  std::uint64_t key = 0;      // idempotency key, 0 = none
  std::int64_t amount = 0;    // cents to charge
  std::uint32_t payer = 0;    // who pays (fakes/intent_catalog.h)
  Slot submission = kNoSlot;  // the client submission that sent it
  std::uint32_t submission_generation = 0;
  Slot next_waiter = kNoSlot;  // link in a server's list of requests parked on one key
  std::uint8_t replica = 0;    // the server replica handling it
  std::uint8_t proxy_try = 1;  // 1-based try of the load balancer that forwarded it
  Slot lb_record = kNoSlot;    // the load balancer's record of it, if one forwarded it
  std::uint32_t lb_generation = 0;
  std::uint32_t in_service_index = 0;  // its place in that replica's in-service list
};

using MessagePool = SlotPool<Message>;

}  // namespace dupsim
