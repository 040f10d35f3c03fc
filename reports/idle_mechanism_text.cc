#include "reports/idle_mechanism_text.h"

namespace dupsim {
namespace {

constexpr const char* kNeverFired = ": configured but never fired: ";

bool AllShareOneList(std::span<const RunResult> runs) {
  for (const RunResult& r : runs) {
    if (r.idle_mechanisms != runs.front().idle_mechanisms) return false;
  }
  return true;
}

}  // namespace

std::string IdleMechanismList(const std::vector<IdleMechanism>& idle) {
  std::string text;
  for (const IdleMechanism& m : idle) {
    if (!text.empty()) text += ", ";
    text.append(m.mechanism).append(" (").append(m.key).append(" ").append(m.value).append(")");
  }
  return text;
}

std::vector<std::string> IdleMechanismNotes(std::span<const RunResult> runs) {
  std::vector<std::string> notes;
  if (runs.empty()) return notes;
  // One line instead of a copy per strategy: the usual case, since most knobs belong to the
  // world and fire (or not) whatever the defence.
  if (runs.size() > 1 && AllShareOneList(runs)) {
    if (!runs.front().idle_mechanisms.empty()) {
      notes.push_back(std::string("note, every strategy") + kNeverFired +
                      IdleMechanismList(runs.front().idle_mechanisms));
    }
    return notes;
  }
  for (const RunResult& r : runs) {
    if (r.idle_mechanisms.empty()) continue;
    notes.push_back("note, " + r.strategy_config + kNeverFired +
                    IdleMechanismList(r.idle_mechanisms));
  }
  return notes;
}

}  // namespace dupsim
