// The vocabulary of a simulated payment's story: the lanes of a sequence
// diagram (who acts) and the kinds of thing that happen, as the parties report
// them to the simulator's TraceSink (sim/engine/trace_sink.h). Renderers
// (`dupsim explain`, `dupsim trace`) turn records into diagrams and words; the
// words live with them, in one table per language, not here.
#pragma once

#include <cstdint>

#include "sim/engine/scheduler.h"

namespace dupsim {

// Left to right as a sequence diagram draws them.
enum class Lane : std::uint8_t {
  kUser,
  kApp,
  kNetwork,
  kLoadBalancer,
  kServer,
  kKeyStore,
  kLedger,
  kConfirmation,
  kBackOffice,  // reconciliation and refunds
};
inline constexpr int kLaneCount = 9;

enum class TraceKind : std::uint16_t {
  // User
  kTap,           // taps Pay on a checkout page (User -> App)
  kConfirmTap,    // taps Confirm on a review screen (User -> App; tap 1: a doubled Confirm)
  kPatienceOver,  // no sign of payment within their patience
  kPayAgain,      // opens a new checkout page to pay again (checkout = the new page)
  kStatusLookup,  // looks the payment up (User -> Server)
  kStatusAnswer,  // the look-up's answer (detail: PaymentStatus)
  kScammed,       // talked into paying again by a scammer
  kToldPaid,      // learns the payment went through (first time only)
  // App
  kTapSwallowed,  // a tap the page or a defence ignored
  kTapBlocked,    // refused as a likely repeat
  kPromptShown,   // "Pay again?"
  kPromptAnswer,  // detail: 1 yes, 0 no
  kReviewShown,   // a review screen before the charge
  kReviewLeft,    // the user left the review screen
  kAttemptSent,   // an HTTP attempt (App -> Server; attempt)
  kAttemptTimedOut,
  kResponse,         // a response read in time (Server -> App; detail: ResponseStatus)
  kLateResponse,     // a response no one waits for any more (its attempt timed out, or was
                     // answered already): discarded
  kRetryWait,        // backs off before the next attempt (detail: ms)
  kGaveUp,           // attempts ran out with no answer
  kShowSuccess,      // the app shows "paid" (App -> User)
  kShowProcessing,   // a success the app may not call "paid" (client.response_confirms: false):
                     // it shows "processing" and the page closes (App -> User)
  kAppStatusQuery,   // asks the payment's status before retrying (App -> Server)
  kAppStatusAnswer,  // detail: PaymentStatus
  // Network
  kMessageLost,    // detail: 0 request, 1 response; +2 when a partition cut it
  kMessageCopied,  // the network delivers this message twice (detail: 0 request, 1 response)
  kMessageHeld,    // the network holds one delivery of it back (reorder; detail: 0 request,
                   // 1 response, + the extra delay in ms << 1)
  // Load balancer
  kProxyTry,        // forwards the request (detail: the try's number, 1, +256 when the
                    // request is a copy the network made)
  kProxyRetry,      // gave up on a try and retries the POST on the next replica (detail: try)
  kGatewayTimeout,  // gave up on every try: answers 504
  // Server
  kRequestArrived,  // from the network (Network -> Server; detail: 1 for a copy the network
                    // made, else 0); one the load balancer forwards is its kProxyTry
  kRequestShed,     // queue full: rejected unprocessed (detail: replica)
  kRequestRefused,  // its replica is down: connection refused, no reply (detail: replica)
  kAdmission,       // the strategy's decision (Server -> KeyStore; detail: Admission | miss << 8)
  kCommitted,       // the charge is committed (Server -> Ledger; detail: 1 if the replica
                    // crashed before it could reply)
  kReplied,         // (Server -> App; detail: ResponseStatus, +256 when replayed from the store)
  kKilled,          // in service or queued when its replica crashed (detail: replica)
  // Ledger and behind it
  kCharged,     // a charge in the books (detail: ordinal | (RootCause + 1) << 8 for a duplicate)
  kQueueWrite,  // the ledger writer got a queued command (detail: delivery number, +256 when
                // its inbox dropped it as already written: no charge)
  kRefunded,    // a duplicate refunded (detail: ordinal)
  // Confirmation
  kNotificationSent,
  kNotificationLost,
  kNotificationDelivered,  // (Confirmation -> User; detail: delivery number, +256 when the
                           // handler's inbox dropped it as already handled)
};

// Reports one step of `intent`'s story to the scheduler's sink, if anyone listens.
inline void Trace(const Scheduler& sim, Lane lane, Lane peer, TraceKind kind, std::uint32_t intent,
                  std::uint32_t checkout = 0, std::uint32_t tap = 0, std::uint32_t attempt = 0,
                  std::uint32_t detail = 0) {
  TraceSink* sink = sim.trace_sink();
  if (sink == nullptr) return;
  sink->Record(TraceRecord{sim.Now(), intent, static_cast<std::uint8_t>(lane),
                           static_cast<std::uint8_t>(peer), static_cast<std::uint16_t>(kind),
                           static_cast<std::uint8_t>(checkout), static_cast<std::uint8_t>(tap),
                           static_cast<std::uint8_t>(attempt), detail});
}

}  // namespace dupsim
