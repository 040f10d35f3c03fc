// `dupsim trace --format jsonl`: one JSON object per line per trace record,
// in the order recorded (virtual-time order), with the keys always in this
// order:
//
//   t_us      virtual time of the step, microseconds since the run began
//   intent    the payment intent whose story it belongs to (0-based)
//   lane      the party that acted: user, app, network, load_balancer, server,
//             key_store, ledger, confirmation, back_office
//   peer      the party it acted towards (the lane itself when none)
//   kind      what happened, snake_case (tap, attempt_sent, charged, ...;
//             sim/trace/trace_names.cc)
//   checkout  the checkout page (0: the first; 128 and up: opened for a scammer)
//   tap       the tap on that page (0: the first)
//   attempt   the app's HTTP attempt (1-based; 0 where none applies)
//   detail    what the kind's detail says, in words: an object of named fields, the
//             same as the Chrome format's args beyond intent, checkout, tap, attempt
//             and peer (sim/trace/trace_detail.h): {} for a kind that carries
//             nothing, {"message":"response","partition":false} for message_lost,
//             {"status":"ok","replayed":true} for replied, {"ordinal":1,
//             "duplicate":"client_retry"} for a duplicate charge, ...
//
// e.g. {"t_us":20512,"intent":0,"lane":"app","peer":"server","kind":"attempt_sent",
//       "checkout":0,"tap":0,"attempt":1,"detail":{}}
// Bytes depend only on the records: a fixed scenario, strategy and seed give the same file.
#pragma once

#include <ostream>
#include <span>

#include "sim/engine/trace_sink.h"

namespace dupsim {

void WriteJsonlTrace(std::span<const TraceRecord> records, std::ostream& out);

}  // namespace dupsim
