#include "sim/dedup/strategy_stack.h"

#include <memory>
#include <optional>

namespace dupsim {
namespace {

// The app layer of a stack: the app layers of its strategies, in the stack's order.
class StackAppDefence final : public AppDefence {
 public:
  explicit StackAppDefence(std::vector<AppDefence*> layers) : layers_(std::move(layers)) {}

  // MakeStrategyStack checked that at most one layer sets each part.
  AppSetup Setup() const override {
    AppSetup setup;
    for (const AppDefence* layer : layers_) {
      const AppSetup own = layer->Setup();
      if (own.key_scheme != KeyScheme::kAsConfigured) setup.key_scheme = own.key_scheme;
      setup.query_before_retry |= own.query_before_retry;
      setup.users_query_before_paying_again |= own.users_query_before_paying_again;
      if (own.review) setup.review = own.review;
    }
    return setup;
  }
  bool AdmitTap(const TapContext& tap) override {
    for (AppDefence* layer : layers_) {
      if (!layer->AdmitTap(tap)) return false;
    }
    return true;
  }
  bool BlockTap(const TapContext& tap) override {
    for (AppDefence* layer : layers_) {
      if (layer->BlockTap(tap)) return true;
    }
    return false;
  }
  std::optional<RepeatPrompt> PromptBeforeTap(const TapContext& tap) override {
    // Every layer sees the tap (detectors keep their history); the first prompt is shown.
    std::optional<RepeatPrompt> shown;
    for (AppDefence* layer : layers_) {
      std::optional<RepeatPrompt> prompt = layer->PromptBeforeTap(tap);
      if (!shown) shown = prompt;
    }
    return shown;
  }

 private:
  std::vector<AppDefence*> layers_;
};

// The server layer of a stack: a request goes through each layer's admission until one
// stops it.
class StackServerDefence final : public ServerDefence {
 public:
  explicit StackServerDefence(std::vector<ServerDefence*> layers) : layers_(std::move(layers)) {}

  bool UsesKeyStore() const override {
    for (const ServerDefence* layer : layers_) {
      if (layer->UsesKeyStore()) return true;
    }
    return false;
  }
  AdmissionDecision AdmitRequest(const ChargeRequestView& request, KeyStore& store) override {
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
  void OnCommitted(const ChargeRequestView& request, KeyStore& store) override {
    for (ServerDefence* layer : layers_) layer->OnCommitted(request, store);
  }
  void OnAbandoned(const ChargeRequestView& request, KeyStore& store) override {
    for (ServerDefence* layer : layers_) layer->OnAbandoned(request, store);
  }

 private:
  std::vector<ServerDefence*> layers_;
};

class StrategyStack final : public Strategy {
 public:
  explicit StrategyStack(std::vector<std::unique_ptr<Strategy>> layers)
      : layers_(std::move(layers)),
        app_(Stack<StackAppDefence>(&Strategy::AppLayer)),
        server_(Stack<StackServerDefence>(&Strategy::ServerLayer)) {}

  std::string Describe() const override {
    std::string text;
    for (const auto& layer : layers_) text += (text.empty() ? "" : " + ") + layer->Describe();
    return text;
  }

  // A stack acts on a layer when one of its strategies does.
  AppDefence* AppLayer() override { return app_ ? &*app_ : nullptr; }
  ServerDefence* ServerLayer() override { return server_ ? &*server_ : nullptr; }
  ConsumerSetup ConsumerLayer() const override {
    for (const auto& layer : layers_) {
      if (ConsumerSetup own = layer->ConsumerLayer(); own.inbox_retention) return own;
    }
    return {};
  }
  AfterTheFactSetup AfterTheFactLayer() const override {
    AfterTheFactSetup setup;
    for (const auto& layer : layers_)
      setup.reconciliation |= layer->AfterTheFactLayer().reconciliation;
    return setup;
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

 private:
  // One layer's hooks stacked over the strategies that act there; nothing when none does.
  template <class Stacked, class Defence>
  std::optional<Stacked> Stack(Defence* (Strategy::*layer_of)()) const {
    std::vector<Defence*> found;
    for (const auto& layer : layers_) {
      if (Defence* own = ((*layer).*layer_of)()) found.push_back(own);
    }
    if (found.empty()) return std::nullopt;
    return Stacked(std::move(found));
  }

  std::vector<std::unique_ptr<Strategy>> layers_;
  std::optional<StackAppDefence> app_;
  std::optional<StackServerDefence> server_;
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
    const ServerDefence* server = probe->ServerLayer();
    const AppDefence* app = probe->AppLayer();
    const AppSetup setup = app ? app->Setup() : AppSetup{};
    only_one(key_store, layer, server && server->UsesKeyStore(),
             "claim keys in the server's key store");
    only_one(review, layer, setup.review.has_value(), "add a review step");
    only_one(inbox, layer, probe->ConsumerLayer().inbox_retention.has_value(),
             "keep consumer inboxes");
    if (setup.key_scheme == KeyScheme::kFreshPerAttempt) fresh_keys = &layer;
    if (setup.key_scheme == KeyScheme::kPerOrder) order_keys = &layer;
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
