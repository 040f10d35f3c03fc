#include "sim/trace/jsonl_trace_writer.h"

#include "sim/trace/trace_detail.h"
#include "sim/trace/trace_names.h"

namespace dupsim {

void WriteJsonlTrace(std::span<const TraceRecord> records, std::ostream& out) {
  // Names are fixed snake_case identifiers: nothing to escape; the detail is JSON already.
  for (const TraceRecord& r : records) {
    out << "{\"t_us\":" << r.at << ",\"intent\":" << r.intent << ",\"lane\":\""
        << LaneName(LaneOf(r.lane)) << "\",\"peer\":\"" << LaneName(LaneOf(r.peer))
        << "\",\"kind\":\"" << KindName(KindOf(r.kind))
        << "\",\"checkout\":" << static_cast<unsigned>(r.checkout)
        << ",\"tap\":" << static_cast<unsigned>(r.tap)
        << ",\"attempt\":" << static_cast<unsigned>(r.attempt)
        << ",\"detail\":" << TraceDetail(r).dump() << "}\n";
  }
}

}  // namespace dupsim
