#include "fakes/load_balancer.h"

#include <cassert>

#include "fakes/payment_server.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"
#include "sim/network/network_link.h"

namespace dupsim {

LoadBalancer::LoadBalancer(Scheduler& sim, MessagePool& pool, LoadBalancerOptions options,
                           PaymentServer& server, NetworkLink& response_link)
    : sim_(sim),
      self_(sim.Register(this)),
      pool_(pool),
      options_(options),
      server_(server),
      response_link_(response_link) {
  assert(options_.tries >= 1 && options_.tries <= 255);
  assert(options_.per_try_timeout > 0);
  records_.Reserve(1024);
}

void LoadBalancer::Handle(const Event& event) {
  const auto slot = static_cast<Slot>(event.payload);
  switch (static_cast<EventKind>(event.kind)) {
    case kRequestArrived:
      OnRequest(slot);
      return;
    case kTryTimedOut:
      OnTryTimedOut(slot);
      return;
  }
  assert(false && "unknown load balancer event");
}

void LoadBalancer::OnRequest(Slot m) {
  ++counters_.requests;
  const Slot r = records_.Alloc();
  Record& record = records_[r];
  record.original = pool_[m];
  record.tries = 0;
  record.waiting = true;
  pool_.Free(m);  // every try, the first included, is a copy of the original
  Forward(r);
}

void LoadBalancer::Forward(Slot r) {
  Record& record = records_[r];
  ++record.tries;
  const Slot m = pool_.Alloc();
  Message& msg = pool_[m];
  msg = record.original;
  msg.proxy_try = record.tries;
  msg.lb_record = r;
  msg.lb_generation = record.generation;
  // A first try is the request's arrival too: whether the network made this copy of it.
  Trace(sim_, Lane::kLoadBalancer, Lane::kServer,
        record.tries > 1 ? TraceKind::kProxyRetry : TraceKind::kProxyTry, msg.intent, msg.checkout,
        msg.tap, msg.attempt,
        ProxyTryDetail{record.tries, record.tries == 1 && msg.network_copy}.Pack());
  record.try_timer = sim_.ScheduleCancellable(options_.per_try_timeout, self_, kTryTimedOut, r);
  server_.Accept(m);
}

void LoadBalancer::OnReply(Slot m) {
  Message& msg = pool_[m];
  assert(msg.lb_record != kNoSlot);
  const Record& record = records_[msg.lb_record];
  if (record.generation != msg.lb_generation || !record.waiting || record.tries != msg.proxy_try) {
    Trace(sim_, Lane::kLoadBalancer, Lane::kLoadBalancer, TraceKind::kLateResponse, msg.intent,
          msg.checkout, msg.tap, msg.attempt, static_cast<std::uint32_t>(msg.status));
    ++counters_.stale_replies;  // the balancer gave up on this try: nobody is listening
    pool_.Free(m);
    return;
  }
  Release(msg.lb_record);
  msg.lb_record = kNoSlot;
  response_link_.Send(m);
}

void LoadBalancer::OnTryTimedOut(Slot r) {
  Record& record = records_[r];
  assert(record.waiting);  // Release cancels the timer; only Forward starts a new one
  if (record.tries < options_.tries && options_.retry_non_idempotent) {
    ++counters_.retries;
    Forward(r);
    return;
  }
  ++counters_.gateway_timeouts;
  const Slot m = pool_.Alloc();
  Message& msg = pool_[m];
  msg = record.original;
  Trace(sim_, Lane::kLoadBalancer, Lane::kApp, TraceKind::kGatewayTimeout, msg.intent, msg.checkout,
        msg.tap, msg.attempt);
  msg.kind = MessageKind::kChargeResponse;
  msg.status = ResponseStatus::kGatewayTimeout;
  Release(r);
  response_link_.Send(m);
}

void LoadBalancer::Release(Slot r) {
  Record& record = records_[r];
  record.waiting = false;
  sim_.Cancel(record.try_timer);  // a no-op when the timeout itself released the record
  ++record.generation;
  records_.Free(r);
}

}  // namespace dupsim
