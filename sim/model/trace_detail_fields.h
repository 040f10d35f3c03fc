// The one packing of each trace kind's detail number (sim/model/trace_event.h says
// which kind carries what): a small struct per layout with Pack() for the party
// that reports it and Unpack() for every reader (the JSON detail, the Chrome
// trace's event names, `dupsim explain`), so no reader repeats the bit layout.
// Kinds whose detail is one plain value (a replica, a status, milliseconds) have
// no struct: the number is the value.
#pragma once

#include <cstdint>

#include "sim/model/charge_origin.h"

namespace dupsim {

inline constexpr std::uint32_t kDetailFlag = 256;  // the bit above a byte that some kinds set

// kMessageLost, kMessageCopied, kMessageHeld: which message, and how it was lost or held.
struct MessageDetail {
  bool response = false;             // else the request
  bool partition = false;            // kMessageLost: a partition cut it
  std::uint32_t extra_delay_ms = 0;  // kMessageHeld: how long it was held back

  std::uint32_t PackLost() const { return (response ? 1u : 0u) + (partition ? 2u : 0u); }
  std::uint32_t PackCopied() const { return response ? 1u : 0u; }
  std::uint32_t PackHeld() const { return (response ? 1u : 0u) | (extra_delay_ms << 1); }
  static MessageDetail UnpackLost(std::uint32_t d) { return {(d & 1) != 0, d >= 2, 0}; }
  static MessageDetail UnpackCopied(std::uint32_t d) { return {(d & 1) != 0, false, 0}; }
  static MessageDetail UnpackHeld(std::uint32_t d) { return {(d & 1) != 0, false, d >> 1}; }
};

// kProxyTry: the try's number and whether the request is a copy the network made.
struct ProxyTryDetail {
  std::uint32_t try_number = 0;
  bool network_copy = false;

  std::uint32_t Pack() const { return try_number | (network_copy ? kDetailFlag : 0u); }
  static ProxyTryDetail Unpack(std::uint32_t d) { return {d & 0xff, (d & kDetailFlag) != 0}; }
};

// kAdmission: the strategy's Admission and its DedupMiss, as numbers (sim/model/strategy.h).
struct AdmissionDetail {
  std::uint32_t action = 0;
  std::uint32_t miss = 0;  // 0: none

  std::uint32_t Pack() const { return action | (miss << 8); }
  static AdmissionDetail Unpack(std::uint32_t d) { return {d & 0xff, d >> 8}; }
};

// kReplied: the ResponseStatus, and whether the answer was replayed from the key store.
struct RepliedDetail {
  std::uint32_t status = 0;
  bool replayed = false;

  std::uint32_t Pack() const { return status | (replayed ? kDetailFlag : 0u); }
  static RepliedDetail Unpack(std::uint32_t d) { return {d & 0xff, (d & kDetailFlag) != 0}; }
};

// kCharged: the charge's ordinal for its intent and, for a duplicate, its root cause.
struct ChargedDetail {
  std::uint32_t ordinal = 0;  // 0: the intent's first charge
  bool duplicate = false;
  RootCause cause = RootCause::kCount;  // kCount for a first charge, or a cause this version
                                        // does not know

  std::uint32_t Pack() const {
    return ordinal | (duplicate ? (static_cast<std::uint32_t>(cause) + 1) << 8 : 0u);
  }
  static ChargedDetail Unpack(std::uint32_t d) {
    ChargedDetail charge;
    charge.ordinal = d & 0xff;
    const std::uint32_t cause = d >> 8;
    charge.duplicate = cause != 0;
    if (charge.duplicate && cause <= kRootCauseCount)
      charge.cause = static_cast<RootCause>(cause - 1);
    return charge;
  }
};

// kQueueWrite, kNotificationDelivered: the delivery's number and whether an inbox dropped it.
struct DeliveryDetail {
  std::uint32_t delivery = 0;
  bool deduplicated = false;

  std::uint32_t Pack() const { return delivery | (deduplicated ? kDetailFlag : 0u); }
  static DeliveryDetail Unpack(std::uint32_t d) { return {d & 0xff, (d & kDetailFlag) != 0}; }
};

}  // namespace dupsim
