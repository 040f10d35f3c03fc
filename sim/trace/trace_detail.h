// What a trace record's detail says, in words: the number sim/model/trace_event.h
// packs per kind, decoded into named fields ({"message":"response","partition":false},
// {"status":"ok","replayed":true}, {"try":2}); an empty object for a kind that carries
// nothing. Both trace formats write it: JSON Lines as its "detail" object, the Chrome
// format merged into each instant's args, so they never disagree.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/engine/trace_sink.h"

namespace dupsim {

// Fields in a fixed order per kind; a kind this version does not know keeps its number,
// as {"raw": n}, when it is not 0.
nlohmann::ordered_json TraceDetail(const TraceRecord& record);

}  // namespace dupsim
