#include "sim/scenario/yaml_documents.h"

#include <sstream>
#include <vector>

#include <yaml-cpp/eventhandler.h>

namespace dupsim {
namespace {

// Parses without building nodes and keeps only where each document starts.
class DocumentStarts final : public YAML::EventHandler {
 public:
  const std::vector<YAML::Mark>& marks() const { return marks_; }

  void OnDocumentStart(const YAML::Mark& mark) override { marks_.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  std::vector<YAML::Mark> marks_;
};

}  // namespace

YamlDocuments ReadYamlDocuments(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentStarts starts;
  for (int i = 0; i < 2 && parser.HandleNextDocument(starts); ++i) {
  }
  const std::vector<YAML::Mark>& marks = starts.marks();
  YamlDocuments documents;
  documents.count = static_cast<int>(marks.size());
  if (documents.count == 0) return documents;
  if (documents.count == 2) {
    // A second document starting where the first did means the parser made no progress.
    if (marks[1].pos == marks[0].pos) {
      const auto at = static_cast<std::size_t>(marks[0].pos);
      const std::string token = at < text.size() ? text.substr(at, 1) : std::string();
      throw YAML::ParserException(marks[0], "unexpected '" + token + "'");
    }
    documents.second_start = marks[1];
  }
  // The check above ran first: Load would read the stuck document as an empty one.
  documents.first = YAML::Load(text);
  return documents;
}

}  // namespace dupsim
