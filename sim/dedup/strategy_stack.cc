#include "sim/dedup/strategy_stack.h"

#include <memory>

namespace dupsim {
namespace {

class StrategyStack final : public Strategy {
 public:
  explicit StrategyStack(std::vector<std::unique_ptr<Strategy>> layers)
      : layers_(std::move(layers)) {}

  std::string Describe() const override {
    std::string text;
    for (const auto& layer : layers_) text += (text.empty() ? "" : " + ") + layer->Describe();
    return text;
  }

  bool FreshKeyPerAttempt() const override {
    return Any([](const Strategy& s) { return s.FreshKeyPerAttempt(); });
  }
  bool KeyPerOrder() const override {
    return Any([](const Strategy& s) { return s.KeyPerOrder(); });
  }
  bool TurnsOnReconciliation() const override {
    return Any([](const Strategy& s) { return s.TurnsOnReconciliation(); });
  }
  bool QueryBeforeRetry() const override {
    return Any([](const Strategy& s) { return s.QueryBeforeRetry(); });
  }
  bool UsersQueryBeforePayingAgain() const override {
    return Any([](const Strategy& s) { return s.UsersQueryBeforePayingAgain(); });
  }
  bool UsesKeyStore() const override {
    return Any([](const Strategy& s) { return s.UsesKeyStore(); });
  }
  // At most one layer has each of these (MakeStrategyStack checks).
  std::optional<ReviewStep> ReviewBeforePay() const override {
    for (const auto& layer : layers_) {
      if (auto step = layer->ReviewBeforePay()) return step;
    }
    return std::nullopt;
  }
  std::optional<Time> InboxRetention() const override {
    for (const auto& layer : layers_) {
      if (auto retention = layer->InboxRetention()) return retention;
    }
    return std::nullopt;
  }
  std::uint64_t PeakEntriesHeld() const override {
    std::uint64_t sum = 0;
    for (const auto& layer : layers_) sum += layer->PeakEntriesHeld();
    return sum;
  }

  std::size_t BytesPerPayer() const override {
    std::size_t sum = 0;
    for (const auto& layer : layers_) sum += layer->BytesPerPayer();
    return sum;
  }

  bool AdmitTap(const TapContext& tap) override {
    for (const auto& layer : layers_) {
      if (!layer->AdmitTap(tap)) return false;
    }
    return true;
  }
  bool BlockTap(const TapContext& tap) override {
    for (const auto& layer : layers_) {
      if (layer->BlockTap(tap)) return true;
    }
    return false;
  }
  std::optional<RepeatPrompt> PromptBeforeTap(const TapContext& tap) override {
    // Every layer sees the tap (detectors keep their history); the first prompt is shown.
    std::optional<RepeatPrompt> shown;
    for (const auto& layer : layers_) {
      std::optional<RepeatPrompt> prompt = layer->PromptBeforeTap(tap);
      if (!shown) shown = prompt;
    }
    return shown;
  }

  AdmissionDecision AdmitRequest(const ChargeRequestView& request,
                                 IdempotencyStore& store) override {
    DedupMiss miss = DedupMiss::kNone;
    for (std::size_t i = 0; i < layers_.size(); ++i) {
      const AdmissionDecision decision = layers_[i]->AdmitRequest(request, store);
      if (decision.action != Admission::kProcess) {
        // The layers before admitted it: what they claimed rolls back, as for a charge that
        // never happened (nobody can be parked on it yet: this is the same instant).
        for (std::size_t j = 0; j < i; ++j) layers_[j]->OnAbandoned(request, store);
        return decision;
      }
      if (miss == DedupMiss::kNone) miss = decision.miss;
    }
    return {Admission::kProcess, miss};
  }
  // Only requests every layer admitted are committed or abandoned, so every layer hears.
  void OnCommitted(const ChargeRequestView& request, IdempotencyStore& store) override {
    for (const auto& layer : layers_) layer->OnCommitted(request, store);
  }
  void OnAbandoned(const ChargeRequestView& request, IdempotencyStore& store) override {
    for (const auto& layer : layers_) layer->OnAbandoned(request, store);
  }

 private:
  template <class Predicate>
  bool Any(Predicate predicate) const {
    for (const auto& layer : layers_) {
      if (predicate(*layer)) return true;
    }
    return false;
  }

  std::vector<std::unique_ptr<Strategy>> layers_;
};

}  // namespace

ConfiguredStrategy MakeStrategyStack(std::vector<StackLayer> layers, const SourcePos& pos,
                                     const std::string& key_path) {
  if (layers.empty()) throw InputError::At(pos, key_path, "list at least one strategy");
  // One instance of each layer answers the questions that decide whether they fit together.
  const StackLayer* key_store = nullptr;
  const StackLayer* fresh_keys = nullptr;
  const StackLayer* order_keys = nullptr;
  const StackLayer* review = nullptr;
  const StackLayer* inbox = nullptr;
  auto only_one = [](const StackLayer*& first, const StackLayer& layer, bool has,
                     const std::string& what) {
    if (!has) return;
    if (first != nullptr) {
      throw InputError::At(layer.pos, layer.key_path,
                           layer.strategy.name + " and " + first->strategy.name + " both " + what +
                               "; a stack holds at most one layer that does");
    }
    first = &layer;
  };
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const StackLayer& layer = layers[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (layers[j].strategy.name == layer.strategy.name) {
        throw InputError::At(
            layer.pos, layer.key_path,
            layer.strategy.name + " is already in this stack as stack[" + std::to_string(j) + "]");
      }
    }
    const std::unique_ptr<Strategy> probe = layer.strategy.make();
    only_one(key_store, layer, probe->UsesKeyStore(), "claim keys in the server's key store");
    only_one(review, layer, probe->ReviewBeforePay().has_value(), "add a review step");
    only_one(inbox, layer, probe->InboxRetention().has_value(), "keep consumer inboxes");
    if (probe->FreshKeyPerAttempt()) fresh_keys = &layer;
    if (probe->KeyPerOrder()) order_keys = &layer;
    if (fresh_keys != nullptr && order_keys != nullptr) {
      throw InputError::At(layer.pos, layer.key_path,
                           fresh_keys->strategy.name + " makes a key per attempt but " +
                               order_keys->strategy.name +
                               " one per order; a stack holds one key scheme");
    }
  }
  ConfiguredStrategy stack;
  std::vector<std::function<std::unique_ptr<Strategy>()>> makers;
  for (const StackLayer& layer : layers) {
    stack.name += (stack.name.empty() ? "" : "+") + layer.strategy.name;
    stack.label += (stack.label.empty() ? "" : " + ") + layer.strategy.label;
    makers.push_back(layer.strategy.make);
  }
  stack.make = [makers] {
    std::vector<std::unique_ptr<Strategy>> instances;
    instances.reserve(makers.size());
    for (const auto& make : makers) instances.push_back(make());
    return std::make_unique<StrategyStack>(std::move(instances));
  };
  return stack;
}

}  // namespace dupsim
