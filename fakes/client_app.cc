#include "fakes/client_app.h"

#include <algorithm>
#include <cassert>

#include "sim/model/charge_origin.h"
#include "sim/model/trace_event.h"
#include "sim/network/network_link.h"

namespace dupsim {
namespace {

// The payload of a prompt's answer, a review's end or a second Confirm tap: intent in the
// low 32 bits, then page, tap and the answer a byte each. Pages fit 8 bits (kFraudCheckout
// is the highest).
struct PagePayload {
  IntentId intent = 0;
  std::uint32_t checkout = 0;
  std::uint32_t tap = 0;
  bool yes = false;  // kPromptAnswered: the user's answer

  std::uint64_t Pack() const {
    return intent | (static_cast<std::uint64_t>(checkout & 0xff) << 32) |
           (static_cast<std::uint64_t>(tap & 0xff) << 40) | (static_cast<std::uint64_t>(yes) << 48);
  }
  static PagePayload Unpack(std::uint64_t p) {
    return {static_cast<IntentId>(p), static_cast<std::uint32_t>((p >> 32) & 0xff),
            static_cast<std::uint32_t>((p >> 40) & 0xff), ((p >> 48) & 1) != 0};
  }
};

// The tag of the app's status question: the attempt it is asked for, by page, tap and
// attempt number (page above bit 16, tap and attempt a byte each).
struct AttemptTag {
  std::uint32_t checkout = 0;
  std::uint32_t tap = 0;
  std::uint32_t attempt = 0;

  std::uint32_t Pack() const { return (checkout << 16) | (tap << 8) | attempt; }
  static AttemptTag Unpack(std::uint32_t tag) { return {tag >> 16, (tag >> 8) & 0xff, tag & 0xff}; }
};

std::uint64_t PageStreamIndex(IntentId intent, std::uint32_t checkout, std::uint32_t tap = 0) {
  return (static_cast<std::uint64_t>(intent) << 16) | ((checkout & 0xff) << 8) | (tap & 0xff);
}

}  // namespace

ClientApp::ClientApp(Scheduler& sim, MessagePool& pool, ClientAppOptions options,
                     ClientAppStreams streams, const IntentCatalog& catalog, AppDefence* defence)
    : sim_(sim),
      self_(sim.Register(this)),
      pool_(pool),
      options_(options),
      streams_(streams),
      catalog_(catalog),
      defence_(defence),
      setup_(defence ? defence->Setup() : AppSetup{}),
      pages_per_intent_(options.checkouts_per_intent + (options.fraud_page ? 1 : 0)),
      pages_(static_cast<std::size_t>(catalog.Size()) * pages_per_intent_),
      acknowledged_(catalog.Size(), 0),
      blocked_(catalog.Size(), 0),
      last_tap_of_payer_(catalog.Size(), kNoIntent) {
  const std::uint32_t intents = catalog.Size();
  assert(options_.max_attempts >= 1 && options_.max_attempts <= 255);
  assert(options_.checkouts_per_intent >= 1 && options_.checkouts_per_intent <= kFraudCheckout);
  assert(!setup_.review || options_.double_tap_gap);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(streams_.jitter.Derive(i));
}

ClientApp::Page& ClientApp::PageOf(IntentId intent, std::uint32_t checkout) {
  // The scam page, numbered apart so the ledger can tell it, is stored after the others.
  const std::uint32_t page = checkout == kFraudCheckout ? options_.checkouts_per_intent : checkout;
  assert(page < pages_per_intent_);
  return pages_[static_cast<std::size_t>(intent) * pages_per_intent_ + page];
}

IdempotencyKey ClientApp::KeyFor(const Submission& s) const {
  // Keys are unique by construction; bit layout: intent | checkout | tap | attempt, plus 1
  // so that no key is 0 ("no key").
  // An order number spans the intent's pages; a scammer's page is a new order all the same.
  const std::uint32_t checkout =
      setup_.key_scheme == KeyScheme::kPerOrder && s.checkout != kFraudCheckout ? 0 : s.checkout;
  const std::uint64_t page = (static_cast<std::uint64_t>(s.intent) << 16) | (checkout << 8);
  if (options_.key_scope == KeyScope::kPerIntent &&
      setup_.key_scheme != KeyScheme::kFreshPerAttempt) {
    return (page << 16) + 1;
  }
  return ((page | s.tap_index) << 16) + (static_cast<std::uint64_t>(s.attempt) << 1) + 1;
}

void ClientApp::Tap(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index) {
  ++counters_.taps;
  Page& page = PageOf(intent, checkout);
  if (tap_index == 0) page = Page{sim_.Now(), false};
  if (page.showing_success) {
    Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kTapSwallowed, intent, checkout, tap_index);
    ++counters_.taps_swallowed;
    return;
  }
  if (setup_.review) {
    // Pay opens the review screen; more taps on Pay land on that screen and do nothing.
    if (tap_index > 0) {
      Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kTapSwallowed, intent, checkout, tap_index);
      ++counters_.taps_swallowed;
      return;
    }
    Trace(sim_, Lane::kApp, Lane::kUser, TraceKind::kReviewShown, intent, checkout);
    ++counters_.reviews_shown;
    sim_.Schedule(setup_.review->review_time, self_, kReviewDone,
                  PagePayload{intent, checkout}.Pack());
    return;
  }
  PressPay(intent, checkout, tap_index);
}

void ClientApp::PressPay(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index) {
  Page& page = PageOf(intent, checkout);
  if (page.showing_success) {
    Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kTapSwallowed, intent, checkout, tap_index);
    ++counters_.taps_swallowed;
    return;
  }
  TapContext tap;
  tap.intent = intent;
  tap.checkout = checkout;
  tap.tap_index = tap_index;
  tap.now = sim_.Now();
  tap.first_tap_at = page.first_tap_at;
  tap.page_waiting = page.attempts_waiting > 0;
  tap.payer = catalog_.PayerOf(intent);
  tap.amount = catalog_.AmountOf(intent);
  IntentId& previous = last_tap_of_payer_[tap.payer];
  tap.previous_tap_shown_paid = previous != kNoIntent && acknowledged_[previous];
  previous = intent;
  if (defence_ && !defence_->AdmitTap(tap)) {
    Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kTapSwallowed, intent, checkout, tap_index);
    ++counters_.taps_swallowed;
    return;
  }
  // The user meant the page's first tap; a second one is the accident defences look for.
  const bool meant = tap_index == 0;
  if (defence_ && defence_->BlockTap(tap)) {
    Trace(sim_, Lane::kApp, Lane::kUser, TraceKind::kTapBlocked, intent, checkout, tap_index);
    ++counters_.taps_blocked;
    if (meant) blocked_[intent] = 1;
    return;
  }
  const std::optional<RepeatPrompt> prompt =
      defence_ ? defence_->PromptBeforeTap(tap) : std::nullopt;
  if (prompt) {
    Trace(sim_, Lane::kApp, Lane::kUser, TraceKind::kPromptShown, intent, checkout, tap_index);
    ++counters_.prompts_shown;
    RandomStream rng = streams_.prompt.Derive(PageStreamIndex(intent, checkout, tap_index));
    const bool yes =
        meant ? !rng.Bernoulli(prompt->mistaken_no) : rng.Bernoulli(prompt->mistaken_yes);
    sim_.Schedule(prompt->answer_time, self_, kPromptAnswered,
                  PagePayload{intent, checkout, tap_index, yes}.Pack());
    return;
  }
  Submit(intent, checkout, tap_index);
}

void ClientApp::OnPromptAnswered(std::uint64_t payload) {
  const auto [intent, checkout, tap_index, yes] = PagePayload::Unpack(payload);
  if (PageOf(intent, checkout).showing_success) return;  // paid meanwhile: the prompt closes
  Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kPromptAnswer, intent, checkout, tap_index, 0,
        yes ? 1 : 0);
  if (yes) {
    Submit(intent, checkout, tap_index);
    return;
  }
  ++counters_.prompts_refused;
  if (tap_index == 0) blocked_[intent] = 1;
}

void ClientApp::OnReviewDone(IntentId intent, std::uint32_t checkout) {
  RandomStream rng = streams_.review.Derive(PageStreamIndex(intent, checkout));
  // Three draws in a fixed order whatever happens.
  const bool abandons = rng.Bernoulli(setup_.review->abandon_probability);
  const bool doubles =
      rng.Bernoulli(options_.double_tap_probability * setup_.review->double_tap_ratio);
  const Time gap = options_.double_tap_gap->Sample(rng);
  if (abandons) {
    Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kReviewLeft, intent, checkout);
    ++counters_.reviews_abandoned;
    blocked_[intent] = 1;
    return;
  }
  ++counters_.taps;  // the Confirm tap
  Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kConfirmTap, intent, checkout, 0);
  PressPay(intent, checkout, 0);
  if (doubles) {
    sim_.Schedule(gap, self_, kSecondConfirmTap, PagePayload{intent, checkout, 1}.Pack());
  }
}

void ClientApp::Submit(IntentId intent, std::uint32_t checkout, std::uint32_t tap_index) {
  Page& page = PageOf(intent, checkout);
  ++counters_.submissions;
  const Slot s = submissions_.Alloc();
  Submission& sub = submissions_[s];
  sub.intent = intent;
  sub.checkout = checkout;
  sub.attempt = 1;
  sub.tap_index = static_cast<std::uint8_t>(std::min<std::uint32_t>(tap_index, 255));
  if (tap_index < 2) page.by_tap[tap_index] = s;
  SendAttempt(s);
}

void ClientApp::SendAttempt(Slot s) {
  assert(request_link_ != nullptr);
  Submission& sub = submissions_[s];
  SetAwaiting(sub, true);
  ++counters_.attempts;
  const Slot m = pool_.Alloc();
  Message& msg = pool_[m];
  msg = Message{};
  msg.kind = MessageKind::kChargeRequest;
  msg.attempt = sub.attempt;
  msg.checkout = static_cast<std::uint8_t>(sub.checkout);
  msg.tap = sub.tap_index;
  msg.intent = sub.intent;
  msg.key = KeyFor(sub);
  msg.amount = catalog_.AmountOf(sub.intent);
  msg.payer = catalog_.PayerOf(sub.intent);
  msg.submission = s;
  msg.submission_generation = sub.generation;
  Trace(sim_, Lane::kApp, Lane::kServer, TraceKind::kAttemptSent, sub.intent, sub.checkout,
        sub.tap_index, sub.attempt);
  sub.timeout = sim_.ScheduleCancellable(options_.timeout, self_, kAttemptTimedOut, s);
  request_link_->Send(m);
}

void ClientApp::SetAwaiting(Submission& s, bool awaiting) {
  if (s.awaiting_response == awaiting) return;
  s.awaiting_response = awaiting;
  Page& page = PageOf(s.intent, s.checkout);
  if (awaiting) {
    ++page.attempts_waiting;
  } else {
    assert(page.attempts_waiting > 0);
    --page.attempts_waiting;
    sim_.Cancel(s.timeout);  // a no-op when the timeout itself ended the wait
  }
}

void ClientApp::Finish(Slot s) {
  Submission& sub = submissions_[s];
  Page& page = PageOf(sub.intent, sub.checkout);
  if (sub.tap_index < 2 && page.by_tap[sub.tap_index] == s) page.by_tap[sub.tap_index] = kNoSlot;
  SetAwaiting(sub, false);
  sim_.Cancel(sub.backoff);
  ++sub.generation;
  submissions_.Free(s);
}

void ClientApp::Handle(const Event& event) {
  const auto slot = static_cast<Slot>(event.payload);
  switch (static_cast<EventKind>(event.kind)) {
    case kResponseArrived:
      OnResponse(slot);
      return;
    case kAttemptTimedOut:
      OnTimeout(slot);
      return;
    case kBackoffDone:
      ++submissions_[slot].attempt;
      SendAttempt(slot);
      return;
    case kPromptAnswered:
      OnPromptAnswered(event.payload);
      return;
    case kReviewDone: {
      const PagePayload page = PagePayload::Unpack(event.payload);
      OnReviewDone(page.intent, page.checkout);
      return;
    }
    case kSecondConfirmTap: {
      const PagePayload page = PagePayload::Unpack(event.payload);
      ++counters_.taps;
      Trace(sim_, Lane::kUser, Lane::kApp, TraceKind::kConfirmTap, page.intent, page.checkout,
            page.tap);
      PressPay(page.intent, page.checkout, page.tap);
      return;
    }
  }
  assert(false && "unknown client event");
}

void ClientApp::OnResponse(Slot m) {
  const Message msg = pool_[m];
  pool_.Free(m);
  Submission& sub = submissions_[msg.submission];
  if (sub.generation != msg.submission_generation || !sub.awaiting_response ||
      sub.attempt != msg.attempt) {
    Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kLateResponse, msg.intent, msg.checkout, msg.tap,
          msg.attempt, static_cast<std::uint32_t>(msg.status));
    ++counters_.late_responses;  // its connection timed out; nobody reads it
    return;
  }
  Trace(sim_, Lane::kServer, Lane::kApp, TraceKind::kResponse, msg.intent, msg.checkout, msg.tap,
        msg.attempt, static_cast<std::uint32_t>(msg.status));
  if (msg.status == ResponseStatus::kDeclined) {
    // The server refused it as a duplicate: the app shows that and stops this submission.
    ++counters_.declined_responses;
    blocked_[sub.intent] = 1;
    Finish(msg.submission);
    return;
  }
  if (msg.status == ResponseStatus::kConflict) ++counters_.conflict_responses;
  if (msg.status != ResponseStatus::kOk) {
    // Shed by the server or timed out at the balancer: the app treats both as a failed
    // attempt, though after a gateway timeout the charge may well have happened.
    ++counters_.error_responses;
    FailAttempt(msg.submission);
    return;
  }
  ShowSuccess(msg.submission);
}

void ClientApp::OnTimeout(Slot s) {
  Submission& sub = submissions_[s];
  assert(sub.awaiting_response);  // SetAwaiting(false) cancels the timeout
  Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kAttemptTimedOut, sub.intent, sub.checkout,
        sub.tap_index, sub.attempt);
  ++counters_.timeouts;
  FailAttempt(s);
}

void ClientApp::ShowSuccess(Slot s) {
  Submission& sub = submissions_[s];
  Page& page = PageOf(sub.intent, sub.checkout);
  page.showing_success = true;
  const IntentId intent = sub.intent;
  acknowledged_[intent] = 1;
  // Without response_confirms the page says "processing": only a notification tells the user.
  Trace(sim_, Lane::kApp, Lane::kUser,
        options_.response_confirms ? TraceKind::kShowSuccess : TraceKind::kShowProcessing, intent,
        sub.checkout, sub.tap_index, sub.attempt);
  Finish(s);
  assert(listener_ != nullptr);
  if (options_.response_confirms) listener_->OnPaymentConfirmed(intent);
}

void ClientApp::ConnectStatusQueries(StatusQueryService* service) {
  status_queries_ = service;
  asker_ = service->AddAsker(this);
}

void ClientApp::FailAttempt(Slot s) {
  Submission& sub = submissions_[s];
  SetAwaiting(sub, false);
  if (setup_.query_before_retry && sub.attempt < options_.max_attempts) {
    // "Did it go through?" before paying again: the answer decides (OnPaymentStatus). The tag
    // names the question by what is intrinsic to the intent (page, tap, attempt), so each
    // query has its own fate, the same under every strategy.
    assert(status_queries_ != nullptr && sub.tap_index < 2);
    Trace(sim_, Lane::kApp, Lane::kServer, TraceKind::kAppStatusQuery, sub.intent, sub.checkout,
          sub.tap_index, sub.attempt);
    ++counters_.status_queries;
    status_queries_->Ask(asker_, sub.intent,
                         AttemptTag{sub.checkout, sub.tap_index, sub.attempt}.Pack());
    return;
  }
  ScheduleRetry(s);
}

void ClientApp::OnPaymentStatus(IntentId intent, std::uint32_t tag, PaymentStatus status) {
  const auto [checkout, tap, attempt] = AttemptTag::Unpack(tag);
  const Slot s = PageOf(intent, checkout).by_tap[tap];
  if (s == kNoSlot) return;  // the submission ended meanwhile
  const Submission& sub = submissions_[s];
  if (sub.attempt != attempt || sub.awaiting_response) return;  // not this question's
  Trace(sim_, Lane::kServer, Lane::kApp, TraceKind::kAppStatusAnswer, intent, checkout, tap,
        sub.attempt, static_cast<std::uint32_t>(status));
  if (status == PaymentStatus::kCharged) {
    ++counters_.retries_saved;
    ShowSuccess(s);
    return;
  }
  ScheduleRetry(s);  // not found, or no answer: the app cannot tell, so it retries
}

void ClientApp::ScheduleRetry(Slot s) {
  Submission& sub = submissions_[s];
  if (sub.attempt >= options_.max_attempts) {
    Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kGaveUp, sub.intent, sub.checkout, sub.tap_index,
          sub.attempt);
    ++counters_.abandoned_submissions;
    Finish(s);
    return;
  }
  // Backoff after the n-th failure: min(cap, base * 2^(n-1)), full jitter draws in [0, that].
  Time ceiling = options_.backoff_base;
  for (int n = 1; n < sub.attempt && ceiling < options_.backoff_cap; ++n) ceiling *= 2;
  ceiling = std::min(ceiling, options_.backoff_cap);
  RandomStream& rng = per_intent_[sub.intent];
  const double u = rng.NextUnit();  // drawn either way, to keep the stream aligned
  const Time wait = options_.jitter == Jitter::kFull
                        ? static_cast<Time>(u * static_cast<double>(ceiling + 1))
                        : ceiling;
  Trace(sim_, Lane::kApp, Lane::kApp, TraceKind::kRetryWait, sub.intent, sub.checkout,
        sub.tap_index, sub.attempt, static_cast<std::uint32_t>(wait / kMillisecond));
  assert(!sim_.IsPending(sub.backoff));  // one wait at a time: Finish cancels only the latest
  sub.backoff = sim_.ScheduleCancellable(wait, self_, kBackoffDone, s);
}

}  // namespace dupsim
