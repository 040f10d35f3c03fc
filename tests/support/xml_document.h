// An XHTML or SVG document for tests, parsed by libxml2's XML parser strictly (no
// recovery, no network) and read with XPath, so a tag left open, an unescaped `&` or a
// fetched DTD fails the test. Shared by the HTML report's and explain's tests.
#pragma once

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

namespace dupsim::testing {

// The page parsed by libxml2's XML parser, strictly: no recovery and no network, so a tag
// left open, an unescaped `&` or a fetched DTD fails the test. XPath prefixes: `h` for
// XHTML, `svg` for SVG.
class XhtmlDocument {
 public:
  explicit XhtmlDocument(const std::string& text)
      : doc_(xmlReadMemory(text.data(), static_cast<int>(text.size()), "document.xml", "UTF-8",
                           XML_PARSE_NONET),
             xmlFreeDoc) {
    if (!doc_) return;
    context_.reset(xmlXPathNewContext(doc_.get()));
    xmlXPathRegisterNs(context_.get(), BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlXPathRegisterNs(context_.get(), BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  }

  bool ok() const { return doc_ != nullptr; }

  // The nodes `xpath` selects, from the root or from `from`.
  std::vector<xmlNodePtr> Nodes(const std::string& xpath, xmlNodePtr from = nullptr) const {
    context_->node = from ? from : xmlDocGetRootElement(doc_.get());
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context_.get()), xmlXPathFreeObject);
    std::vector<xmlNodePtr> nodes;
    if (!result || !result->nodesetval) return nodes;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      nodes.push_back(result->nodesetval->nodeTab[i]);
    }
    return nodes;
  }

  std::size_t Count(const std::string& xpath, xmlNodePtr from = nullptr) const {
    return Nodes(xpath, from).size();
  }

  // The text content of the one node `xpath` selects; "<none>" or "<several>" otherwise.
  std::string Text(const std::string& xpath, xmlNodePtr from = nullptr) const {
    const std::vector<xmlNodePtr> nodes = Nodes(xpath, from);
    if (nodes.size() != 1) return nodes.empty() ? "<none>" : "<several>";
    return TextOf(nodes[0]);
  }

  // `xpath` evaluated as a number or a string (XPath's own conversions); -1 or "" if it fails.
  double Number(const std::string& xpath) const {
    context_->node = xmlDocGetRootElement(doc_.get());
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context_.get()), xmlXPathFreeObject);
    return result ? xmlXPathCastToNumber(result.get()) : -1;
  }
  std::string String(const std::string& xpath) const {
    context_->node = xmlDocGetRootElement(doc_.get());
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context_.get()), xmlXPathFreeObject);
    if (!result) return "";
    xmlChar* text = xmlXPathCastToString(result.get());
    std::string out = reinterpret_cast<const char*>(text);
    xmlFree(text);
    return out;
  }

  static std::string TextOf(xmlNodePtr node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
  }

  static std::string Attribute(xmlNodePtr node, const char* name) {
    xmlChar* value = xmlGetProp(node, BAD_CAST name);
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
  }

 private:
  struct ContextDeleter {
    void operator()(xmlXPathContextPtr context) const { xmlXPathFreeContext(context); }
  };
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
  std::unique_ptr<xmlXPathContext, ContextDeleter> context_;
};

}  // namespace dupsim::testing
