// The payment app on the user's phone or browser. Each accepted tap on Pay
// becomes a submission: an HTTP attempt, a timeout, and retries with
// exponential backoff until a response arrives or attempts run out. A response
// that comes after its attempt timed out is discarded (the connection is gone),
// which is exactly how "the first request went through" turns into a second
// charge. The checkout page closes when the app shows success, so later taps
// on it do nothing.
//
// The app also carries the strategies' client-side defences: a review screen
// before the charge (two_step_confirmation), a "Pay again?" prompt, and taps
// refused as likely repeats. The user's answers to those screens are modelled
// here, from the app's own streams, by whether the user meant the tap: a page's
// first tap is meant, a second tap on it is not.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "fakes/intent_catalog.h"
#include "fakes/payment_confirmation_listener.h"
#include "fakes/status_query_service.h"
#include "sim/engine/distribution.h"
#include "sim/engine/random_stream.h"
#include "sim/engine/scheduler.h"
#include "sim/engine/slot_pool.h"
#include "sim/model/app_defence.h"
#include "sim/network/message.h"

namespace dupsim {

class NetworkLink;

// Where the client app keeps the idempotency key it sends.
enum class KeyScope {
  kPerIntent,   // one key per checkout page: its taps and retries share it
  kPerAttempt,  // a fresh key on every HTTP attempt (the classic bug)
};

enum class Jitter {
  kNone,  // wait min(cap, base * 2^(n-1)) after the n-th failed attempt
  kFull,  // wait uniform(0, that) (AWS "full jitter")
};

struct ClientAppOptions {
  Time timeout = 3 * kSecond;      // per attempt
  std::uint32_t max_attempts = 1;  // HTTP attempts per submission, 1..255
  Time backoff_base = 200 * kMillisecond;
  Time backoff_cap = 2 * kSecond;
  Jitter jitter = Jitter::kFull;
  KeyScope key_scope = KeyScope::kPerIntent;
  bool response_confirms = true;           // a success response shows "paid" to the user
  std::uint32_t checkouts_per_intent = 1;  // pages one intent may open (1 + pay-again limit)
  bool fraud_page = false;  // one more page per intent, for checkout kFraudCheckout (a scam)
  // The user's habits on a review screen's Confirm button (two_step_confirmation).
  double double_tap_probability = 0.0;
  DistributionPtr double_tap_gap;  // required when the strategy has a review step
};

// Where the app's answers-for-the-user come from: one named component stream each, so
// the defences' draws never shift the retry jitter or each other.
struct ClientAppStreams {
  RandomStream jitter;  // per intent
  RandomStream prompt;  // per (intent, page, tap): the answer to "Pay again?"
  RandomStream review;  // per (intent, page): abandon or confirm, a doubled Confirm, its gap

  static ClientAppStreams ForSeed(std::uint64_t seed) {
    return {RandomStream::ForComponent(seed, "client"),
            RandomStream::ForComponent(seed, "client.prompt"),
            RandomStream::ForComponent(seed, "client.review")};
  }
};

struct ClientAppCounters {
  std::uint64_t taps = 0;
  std::uint64_t taps_swallowed = 0;  // by a strategy or a page already showing success
  std::uint64_t taps_blocked = 0;    // refused by the strategy as likely repeats
  std::uint64_t prompts_shown = 0;   // "Pay again?" prompts
  std::uint64_t prompts_refused = 0;
  std::uint64_t reviews_shown = 0;      // review screens opened (two_step_confirmation)
  std::uint64_t reviews_abandoned = 0;  // users who left a review screen without confirming
  std::uint64_t submissions = 0;
  std::uint64_t attempts = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t error_responses = 0;     // attempts answered with an error (shed, gateway timeout)
  std::uint64_t declined_responses = 0;  // refused by the server as likely duplicates
  std::uint64_t conflict_responses = 0;  // 409: the key's first request was still in flight
  std::uint64_t status_queries = 0;      // asked before a retry (query_before_retry)
  std::uint64_t retries_saved = 0;       // retries a status query found unnecessary
  std::uint64_t abandoned_submissions = 0;  // attempts ran out with no response
  std::uint64_t late_responses = 0;         // arrived after their attempt timed out
};

class ClientApp final : public EventHandler, public StatusQueryListener {
 public:
  enum EventKind : std::uint32_t {
    kResponseArrived = 0,
    kAttemptTimedOut = 1,
    kBackoffDone = 2,
    kPromptAnswered = 3,
    kReviewDone = 4,
    kSecondConfirmTap = 5,
  };

  ClientApp(Scheduler& sim, MessagePool& pool, ClientAppOptions options, ClientAppStreams streams,
            const IntentCatalog& catalog, AppDefence* defence);

  // Wiring after construction (the parties refer to each other): the link requests go
  // out on, and who hears that a payment succeeded. Both are required before the first tap.
  void ConnectRequestLink(NetworkLink* link) { request_link_ = link; }
  void ConnectListener(PaymentConfirmationListener* listener) { listener_ = listener; }
  // Required when the strategy queries before retrying.
  void ConnectStatusQueries(StatusQueryService* service);

  void OnPaymentStatus(IntentId intent, std::uint32_t tag, PaymentStatus status) override;
  HandlerId handler_id() const { return self_; }

  // The user tapped Pay on page `checkout` of `intent`; `tap_index` 0 is the page's first tap.
  void Tap(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index);

  void Handle(const Event& event) override;

  const ClientAppCounters& counters() const { return counters_; }
  // Per intent, 1 once the app showed success on any of its pages.
  std::span<const std::uint8_t> Acknowledged() const { return acknowledged_; }
  // Per intent, 1 once a defence stopped a payment the user meant: the server declined
  // a request as a likely duplicate, the app refused a first tap, the user said no to a
  // prompt by mistake or left the review screen.
  std::span<const std::uint8_t> Blocked() const { return blocked_; }
  // Bytes of one checkout page's state; the app holds (1 + pay-again limit, + 1 with a scam
  // page) of them per intent. For the run's memory estimate (sim/run/memory_estimate.h).
  static constexpr std::size_t PageBytes();

 private:
  struct Page {
    Time first_tap_at = 0;
    bool showing_success = false;
    std::uint16_t attempts_waiting = 0;   // this page's attempts awaiting their response
    Slot by_tap[2] = {kNoSlot, kNoSlot};  // live submissions of the page's taps, for answers
  };
  struct Submission {
    IntentId intent = 0;
    std::uint32_t checkout = 0;
    std::uint32_t generation = 0;  // bumped on free, so late responses recognise reuse
    EventHandle timeout;           // the current attempt's, cancelled when it stops waiting
    EventHandle backoff;           // the wait before the next attempt, cancelled on Finish
    std::uint8_t attempt = 0;      // current attempt, 1-based
    std::uint8_t tap_index = 0;
    bool awaiting_response = false;
  };

  // A tap that would pay (Pay, or Confirm on a review screen) meets the strategy's defences.
  void PressPay(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index);
  void OnPromptAnswered(std::uint64_t payload);
  void OnReviewDone(IntentId intent, std::uint32_t checkout);
  void Submit(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index);
  void SendAttempt(Slot submission);
  void Finish(Slot submission);
  void OnResponse(Slot message);
  void OnTimeout(Slot submission);
  // The current attempt failed (timed out or was rejected): back off and retry, or give up.
  void FailAttempt(Slot submission);
  // Back off, then send the next attempt (or give up when attempts ran out).
  void ScheduleRetry(Slot submission);
  // The app shows success: the page closes and the user may be told.
  void ShowSuccess(Slot submission);
  IdempotencyKey KeyFor(const Submission& s) const;
  // The one place a submission starts or stops waiting, so its page's count stays exact
  // and a timeout never outlives the wait it guards.
  void SetAwaiting(Submission& s, bool awaiting);
  Page& PageOf(IntentId intent, std::uint32_t checkout);

  Scheduler& sim_;
  HandlerId self_;
  MessagePool& pool_;
  ClientAppOptions options_;
  std::vector<RandomStream> per_intent_;  // backoff jitter
  ClientAppStreams streams_;
  const IntentCatalog& catalog_;
  AppDefence* defence_;  // the strategy's app layer; nullptr: it does not act on the app
  AppSetup setup_;       // the defence's, asked once
  StatusQueryService* status_queries_ = nullptr;
  StatusQueryService::AskerId asker_ = 0;
  PaymentConfirmationListener* listener_ = nullptr;
  NetworkLink* request_link_ = nullptr;
  std::uint32_t pages_per_intent_;  // checkouts_per_intent, plus the scam page if any
  std::vector<Page> pages_;         // intents x pages_per_intent_
  std::vector<std::uint8_t> acknowledged_;
  std::vector<std::uint8_t> blocked_;
  std::vector<IntentId> last_tap_of_payer_;  // by payer (payers are intent ids)
  SlotPool<Submission> submissions_;
  ClientAppCounters counters_;
};

constexpr std::size_t ClientApp::PageBytes() {
  return sizeof(Page);
}

}  // namespace dupsim
