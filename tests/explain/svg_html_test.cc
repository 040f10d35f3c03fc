// The SVG and HTML forms read with libxml2's XML parser, strictly (no recovery,
// no network), then checked with XPath: one lane line per participant, the lost
// message's cross, the duplicate's band, and the page's narrative and table.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <sstream>

#include "sim/cli/dupsim_cli.h"
#include "tests/support/xml_document.h"

namespace dupsim {
namespace {

using XmlDocument = testing::XhtmlDocument;

std::string Explain(const std::string& format, const std::string& scenario,
                    const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"explain", scenario, "--format", format};
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  EXPECT_EQ(RunDupsim(args, out, err), 0) << err.str();
  return out.str();
}

// timeout_retry's third duplicated intent at 20000 intents lost its first response.
const std::vector<std::string> kLostResponse = {"--intents", "20000", "--nth", "3"};

TEST(SvgExplanation, IsStandaloneWellFormedSvg) {
  const std::string svg = Explain("svg", "timeout_retry", kLostResponse);
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0), 0u);
  const XmlDocument doc(svg);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Number("count(/svg:svg)"), 1);
  EXPECT_EQ(doc.Number("count(//svg:style)"), 1);
  // Self-contained: nothing linked, nothing fetched.
  EXPECT_EQ(doc.Number("count(//*[@href] | //*[@*[local-name()='href']])"), 0);
  EXPECT_EQ(svg.find("url("), std::string::npos);
}

TEST(SvgExplanation, OneLaneLinePerParticipant) {
  const XmlDocument doc(Explain("svg", "timeout_retry", kLostResponse));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Number("count(//svg:line[@class='lane'])"), 6);
  EXPECT_EQ(doc.Number("count(//svg:text[@class='lane-name'])"), 6);
  EXPECT_EQ(doc.String("//svg:text[@class='lane-name'][1]"), "User");
  EXPECT_EQ(doc.String("//svg:text[@class='lane-name'][6]"), "Confirmation");
  // With a load balancer in the path, it has a lane of its own.
  const XmlDocument proxied(Explain("svg", "proxy_retry_post", {"--intents", "5000"}));
  ASSERT_TRUE(proxied.ok());
  EXPECT_EQ(proxied.Number("count(//svg:line[@class='lane'])"), 7);
  EXPECT_EQ(proxied.Number("count(//svg:text[@class='lane-name'][.='Load balancer'])"), 1);
}

TEST(SvgExplanation, TheLostMessageEndsInACross) {
  const XmlDocument doc(Explain("svg", "timeout_retry", kLostResponse));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Number("count(//svg:g[@class='arrow lost'])"), 1);
  EXPECT_EQ(doc.Number("count(//svg:g[@class='arrow lost']/svg:g[@class='lost-marker']/svg:line)"),
            2);
  EXPECT_EQ(doc.String("//svg:g[@class='arrow lost']/svg:text"),
            "\u2717 response to attempt 1 lost");
  // A lost arrow has no head: it never arrives.
  EXPECT_EQ(doc.Number("count(//svg:g[@class='arrow lost']/svg:polygon)"), 0);
}

TEST(SvgExplanation, TheDuplicateChargeStandsOut) {
  const XmlDocument doc(Explain("svg", "double_tap", {"--intents", "2000"}));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Number("count(//svg:rect[@class='duplicate-band'])"), 1);
  EXPECT_EQ(doc.String("//svg:g[@class='note duplicate']/svg:text"),
            "DUPLICATE charge 2: double_tap");
  EXPECT_EQ(doc.Number("count(//svg:g[@class='note charge'])"), 1);
}

TEST(SvgExplanation, ChineseLabels) {
  const XmlDocument doc(Explain("svg", "double_tap", {"--intents", "2000", "--lang", "zh"}));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.String("//svg:text[@class='lane-name'][1]"), "用户");
  EXPECT_EQ(doc.String("//svg:g[@class='note duplicate']/svg:text"), "重复扣款（第 2 笔）：双击");
}

TEST(HtmlExplanation, APageWithTheDiagramTheNarrativeAndTheTable) {
  const std::string html = Explain("html", "timeout_retry", kLostResponse);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", 0), 0u);
  const XmlDocument doc(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.String("/h:html/@lang"), "en");
  EXPECT_EQ(doc.Number("count(//h:section//svg:svg)"), 1);
  EXPECT_EQ(doc.Number("count(//svg:line[@class='lane'])"), 6);
  EXPECT_EQ(doc.String("//h:p[@class='narrative']").rfind("Attempt 1 reached the server", 0), 0u);
  EXPECT_GE(doc.Number("count(//h:table/h:tbody/h:tr)"), 13);
  EXPECT_EQ(doc.String("//h:table/h:tbody/h:tr[1]/h:td[1]"), "none");
  EXPECT_EQ(doc.String("//h:table/h:tbody/h:tr[@class='explained']/h:td[1]"), "none");
  EXPECT_EQ(
      doc.Number("count(//h:table/h:tbody/h:tr[@class='prevented'][h:td[1]='idempotency_key'])"),
      1);
  EXPECT_EQ(
      doc.Number(
          "count(//h:table/h:tbody/h:tr[h:td[1]='client_debounce(window=1s)'][h:td[3]='no'])"),
      1);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlExplanation, ChinesePageSaysSo) {
  const XmlDocument doc(Explain("html", "double_tap", {"--intents", "2000", "--lang", "zh"}));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.String("/h:html/@lang"), "zh-Hans");
  EXPECT_EQ(doc.String("(//h:h2)[2]"), "为什么会重复扣款");
  EXPECT_EQ(doc.String("//h:table/h:thead/h:tr/h:th[1]"), "策略");
  // Strategy names stay as typed on the command line, glossed in Chinese.
  EXPECT_EQ(doc.String("//h:table/h:tbody/h:tr[1]/h:td[1]"), "none（不去重）");
  // Browsers break Chinese between any two characters unless told otherwise: lines end at
  // its punctuation and spaces, and a run too long for the line still breaks, not overflows.
  const std::string style = doc.String("/h:html/h:head/h:style");
  EXPECT_NE(style.find("word-break: keep-all"), std::string::npos) << style;
  EXPECT_NE(style.find("overflow-wrap: break-word"), std::string::npos) << style;
}

}  // namespace
}  // namespace dupsim
