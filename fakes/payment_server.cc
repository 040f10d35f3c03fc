#include "fakes/payment_server.h"

#include <cassert>
#include <cmath>
#include <utility>

#include "fakes/confirmation_channel.h"
#include "fakes/idempotency_store.h"
#include "fakes/ledger.h"
#include "fakes/load_balancer.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"
#include "sim/network/network_link.h"

namespace dupsim {
namespace {

// kProcessed payload: message slot and replica.
std::uint64_t ServicePayload(Slot slot, std::uint8_t replica) {
  return slot | (static_cast<std::uint64_t>(replica) << 32);
}

}  // namespace

PaymentServer::PaymentServer(Scheduler& sim, MessagePool& pool, PaymentServerOptions options,
                             RandomStream stream, RandomStream crash_stream, std::uint32_t intents,
                             Parts parts)
    : sim_(sim),
      self_(sim.Register(this)),
      pool_(pool),
      options_(std::move(options)),
      parts_(parts) {
  assert(options_.processing);
  assert(options_.replicas >= 1 && options_.replicas <= 64);
  assert(!options_.crashes.Enabled() || options_.crashes.restart);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
  replicas_.resize(options_.replicas);
  for (std::uint32_t r = 0; r < options_.replicas; ++r) {
    Replica& replica = replicas_[r];
    replica.crash_rng = crash_stream.Derive(r);
    if (options_.concurrency_per_replica > 0) {
      replica.in_service.reserve(options_.concurrency_per_replica);
      replica.completions.reserve(options_.concurrency_per_replica);
      replica.queue.resize(options_.queue_limit_per_replica);
    }
  }
}

void PaymentServer::Start() {
  for (const ScheduledCrash& crash : options_.crashes.schedule) {
    assert(crash.replica < replicas_.size() && crash.at >= sim_.Now());
    ScheduleOwn(crash.at - sim_.Now(), kCrash, crash.replica);
  }
  if (options_.crashes.rate_per_hour > 0) {
    for (std::uint32_t r = 0; r < replicas_.size(); ++r) {
      ScheduleRandomCrash(static_cast<std::uint8_t>(r));
    }
  }
}

void PaymentServer::Handle(const Event& event) {
  const auto slot = static_cast<Slot>(event.payload);
  switch (static_cast<EventKind>(event.kind)) {
    case kRequestArrived:
      Accept(slot);
      return;
    case kProcessed:
      OnProcessed(slot, static_cast<std::uint8_t>(event.payload >> 32));
      return;
    case kCrash:
      Crash(static_cast<std::uint8_t>(event.payload));
      return;
    case kRestart:
      Restart(static_cast<std::uint8_t>(event.payload));
      return;
  }
  assert(false && "unknown server event");
}

void PaymentServer::Accept(Slot m) {
  // A request the balancer forwards is its kProxyTry step; one from the network is this one.
  const Message& arrived = pool_[m];
  if (arrived.lb_record == kNoSlot) {
    Trace(sim_, Lane::kNetwork, Lane::kServer, TraceKind::kRequestArrived, arrived.intent,
          arrived.checkout, arrived.tap, arrived.attempt, arrived.network_copy ? 1 : 0);
  }
  ++counters_.requests;
  OnArrival(m);
}

void PaymentServer::OnArrival(Slot m) {
  const auto index = static_cast<std::uint8_t>(next_replica_);
  next_replica_ = (next_replica_ + 1) % options_.replicas;
  Replica& replica = replicas_[index];
  if (!replica.up) {
    Trace(sim_, Lane::kServer, Lane::kServer, TraceKind::kRequestRefused, pool_[m].intent,
          pool_[m].checkout, pool_[m].tap, pool_[m].attempt, index);
    ++counters_.refused;  // connection refused: the client finds out by its timeout
    pool_.Free(m);
    return;
  }
  const std::uint32_t workers = options_.concurrency_per_replica;
  if (workers == 0 || replica.in_service.size() < workers) {
    StartService(replica, index, m);
    return;
  }
  if (replica.queue_size < replica.queue.size()) {
    replica.queue[(replica.queue_head + replica.queue_size) % replica.queue.size()] = m;
    ++replica.queue_size;
    return;
  }
  ++counters_.rejected;
  Trace(sim_, Lane::kServer, Lane::kServer, TraceKind::kRequestShed, pool_[m].intent,
        pool_[m].checkout, pool_[m].tap, pool_[m].attempt, index);
  Reply(m, false, ResponseStatus::kRejected);
}

void PaymentServer::StartService(Replica& replica, std::uint8_t index, Slot m) {
  Message& msg = pool_[m];
  msg.replica = index;
  const ChargeRequestView view{msg.intent, msg.key, sim_.Now(), msg.replica, msg.payer, msg.amount};
  const AdmissionDecision decision = parts_.defence
                                         ? parts_.defence->AdmitRequest(view, parts_.store)
                                         : AdmissionDecision(Admission::kProcess);
  msg.dedup_miss = decision.miss;
  Trace(sim_, Lane::kServer, Lane::kKeyStore, TraceKind::kAdmission, msg.intent, msg.checkout,
        msg.tap, msg.attempt,
        AdmissionDetail{static_cast<std::uint32_t>(decision.action),
                        static_cast<std::uint32_t>(decision.miss)}
            .Pack());
  switch (decision.action) {
    case Admission::kProcess: {
      msg.in_service_index = static_cast<std::uint32_t>(replica.in_service.size());
      replica.in_service.push_back(m);
      const Time processing = options_.processing->Sample(per_intent_[msg.intent]);
      replica.completions.push_back(
          sim_.ScheduleCancellable(processing, self_, kProcessed, ServicePayload(m, index)));
      return;
    }
    case Admission::kWaitForFirst:
      // Parked on its key, holding no worker.
      ++counters_.parked;
      msg.next_waiter = parts_.store.ExchangeWaiterHead(msg.key, m);
      return;
    case Admission::kReplayFirst:
      Reply(m, true, ResponseStatus::kOk);
      return;
    case Admission::kDecline:
      ++counters_.declined;
      Reply(m, false, ResponseStatus::kDeclined);
      return;
    case Admission::kConflict:
      ++counters_.conflicts;
      Reply(m, false, ResponseStatus::kConflict);
      return;
  }
}

void PaymentServer::PullFromQueue(Replica& replica, std::uint8_t index) {
  const std::uint32_t workers = options_.concurrency_per_replica;
  while (replica.queue_size > 0 && (workers == 0 || replica.in_service.size() < workers)) {
    const Slot next = replica.queue[replica.queue_head];
    replica.queue_head = (replica.queue_head + 1) % replica.queue.size();
    --replica.queue_size;
    StartService(replica, index, next);
  }
}

void PaymentServer::RemoveFromService(Replica& replica, Slot m) {
  const std::uint32_t i = pool_[m].in_service_index;
  assert(i < replica.in_service.size() && replica.in_service[i] == m);
  const Slot last = replica.in_service.back();
  replica.in_service[i] = last;
  replica.completions[i] = replica.completions.back();
  pool_[last].in_service_index = i;
  replica.in_service.pop_back();
  replica.completions.pop_back();
}

void PaymentServer::OnProcessed(Slot m, std::uint8_t index) {
  Replica& replica = replicas_[index];
  assert(replica.up);  // a crash cancels the completions of everything in service
  RemoveFromService(replica, m);
  Commit(m, false);
  PullFromQueue(replica, index);
}

void PaymentServer::Commit(Slot m, bool crashed_before_reply) {
  ++counters_.processed;
  const Message msg = pool_[m];
  const ChargeOrigin origin{.checkout = msg.checkout,
                            .tap = msg.tap,
                            .attempt = msg.attempt,
                            .network_copy = msg.network_copy,
                            .crashed_before_reply = crashed_before_reply,
                            .proxy_try = msg.proxy_try,
                            .dedup_miss = msg.dedup_miss};
  Trace(sim_, Lane::kServer, Lane::kLedger, TraceKind::kCommitted, msg.intent, msg.checkout,
        msg.tap, msg.attempt, crashed_before_reply ? 1 : 0);
  if (parts_.ledger_queue.Enabled()) {
    parts_.ledger_queue.Enqueue(msg.intent, origin, msg.amount);  // written (and notified) later
  } else {
    const ChargedDetail charge = parts_.ledger.Commit(msg.intent, origin, msg.amount);
    Trace(sim_, Lane::kLedger, Lane::kLedger, TraceKind::kCharged, msg.intent, msg.checkout,
          msg.tap, msg.attempt, charge.Pack());
    parts_.confirmation.Notify(msg.intent);
  }
  if (parts_.defence) {
    const ChargeRequestView view{msg.intent,  msg.key,   sim_.Now(),
                                 msg.replica, msg.payer, msg.amount};
    parts_.defence->OnCommitted(view, parts_.store);
  }
  if (crashed_before_reply) {
    pool_.Free(m);
  } else {
    Reply(m, false, ResponseStatus::kOk);
  }
  AnswerWaiters(msg.key);
}

void PaymentServer::AnswerWaiters(IdempotencyKey key) {
  if (key == 0) return;
  // Everyone who waited on this key gets the first request's result. (Parked requests
  // are held by the API front, so they outlive a crash of the replica that committed.)
  Slot w = parts_.store.ExchangeWaiterHead(key, kNoSlot);
  while (w != kNoSlot) {
    const Slot next = pool_[w].next_waiter;
    Reply(w, true, ResponseStatus::kOk);
    w = next;
  }
}

void PaymentServer::Reply(Slot m, bool replayed, ResponseStatus status) {
  assert(response_link_ != nullptr);
  if (replayed) ++counters_.replayed;
  Message& msg = pool_[m];
  Trace(sim_, Lane::kServer, Lane::kApp, TraceKind::kReplied, msg.intent, msg.checkout, msg.tap,
        msg.attempt, RepliedDetail{static_cast<std::uint32_t>(status), replayed}.Pack());
  msg.kind = MessageKind::kChargeResponse;
  msg.replayed = replayed;
  msg.status = status;
  msg.next_waiter = kNoSlot;
  if (msg.lb_record != kNoSlot) {
    assert(balancer_ != nullptr);
    balancer_->OnReply(m);
    return;
  }
  response_link_->Send(m);
}

void PaymentServer::Crash(std::uint8_t index) {
  Replica& replica = replicas_[index];
  if (!replica.up) return;  // already down: nothing more to lose
  ++counters_.crashes;
  replica.up = false;
  for (const EventHandle completion : replica.completions) sim_.Cancel(completion);
  replica.completions.clear();
  std::vector<Slot> dying;
  dying.swap(replica.in_service);
  replica.in_service.reserve(dying.capacity());
  for (Slot m : dying) {
    const Message msg = pool_[m];
    ++counters_.killed;
    if (options_.crashes.point == CrashPoint::kAfterCommit) {
      // The charge was committed before the crash: the story tells the commit, then the crash.
      Commit(m, true);
      Trace(sim_, Lane::kServer, Lane::kServer, TraceKind::kKilled, msg.intent, msg.checkout,
            msg.tap, msg.attempt, index);
      continue;
    }
    Trace(sim_, Lane::kServer, Lane::kServer, TraceKind::kKilled, msg.intent, msg.checkout, msg.tap,
          msg.attempt, index);
    if (parts_.defence) {
      parts_.defence->OnAbandoned(
          ChargeRequestView{msg.intent, msg.key, sim_.Now(), msg.replica, msg.payer, msg.amount},
          parts_.store);
    }
    pool_.Free(m);
    // Requests parked on a claim that rolled back try again, as if newly arrived.
    if (msg.key == 0) continue;
    for (Slot w = parts_.store.ExchangeWaiterHead(msg.key, kNoSlot); w != kNoSlot;) {
      const Slot next = pool_[w].next_waiter;
      pool_[w].next_waiter = kNoSlot;
      OnArrival(w);
      w = next;
    }
  }
  // Queued requests were never admitted: they simply vanish with the process.
  for (; replica.queue_size > 0; --replica.queue_size) {
    const Message& queued = pool_[replica.queue[replica.queue_head]];
    Trace(sim_, Lane::kServer, Lane::kServer, TraceKind::kKilled, queued.intent, queued.checkout,
          queued.tap, queued.attempt, index);
    ++counters_.killed;
    pool_.Free(replica.queue[replica.queue_head]);
    replica.queue_head = (replica.queue_head + 1) % replica.queue.size();
  }
  ScheduleOwn(options_.crashes.restart->Sample(replica.crash_rng), kRestart, index);
}

void PaymentServer::Restart(std::uint8_t index) {
  replicas_[index].up = true;
  if (options_.crashes.rate_per_hour > 0) ScheduleRandomCrash(index);
}

void PaymentServer::ScheduleRandomCrash(std::uint8_t index) {
  // Crashes stop once nothing else is pending: a finished run must be able to end.
  if (sim_.OnlyBackgroundPending()) return;
  const double mean_us = static_cast<double>(kHour) / options_.crashes.rate_per_hour;
  const double gap = -mean_us * std::log(replicas_[index].crash_rng.NextOpenUnit());
  ScheduleOwn(static_cast<Time>(std::llround(gap)), kCrash, index);
}

void PaymentServer::ScheduleOwn(Time delay, EventKind kind, std::uint64_t payload) {
  sim_.ScheduleBackground(delay, self_, kind, payload);
}

}  // namespace dupsim
