#include "reports/xml_escape.h"

#include <cstdint>

namespace dupsim {
namespace {

constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD

// The length of the valid UTF-8 sequence of an XML 1.0 character at the start of `text`, or 0
// when it starts with a byte that begins none (then one byte is replaced).
std::size_t XmlCharLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead < 0x80) {
    return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
  } else if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    code = (code << 6) | (byte(i) & 0x3f);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xd800 && code <= 0xdfff;
  const bool not_a_char = code == 0xfffe || code == 0xffff || code > 0x10ffff;
  return overlong || surrogate || not_a_char ? 0 : length;
}

}  // namespace

std::string EscapeForXml(std::string_view text, XmlSpot spot, bool escape_apostrophe) {
  const bool in_text = spot == XmlSpot::kText;
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = XmlCharLength(text);
    if (length == 0) {
      out += kReplacement;
      text.remove_prefix(1);
      continue;
    }
    if (length > 1) {
      out.append(text.substr(0, length));
      text.remove_prefix(length);
      continue;
    }
    const char c = text[0];
    text.remove_prefix(1);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += escape_apostrophe ? "&#39;" : "'";
        break;
      case '\t':
        out += in_text ? "\t" : "&#9;";
        break;
      case '\n':
        out += in_text ? "\n" : "&#10;";
        break;
      case '\r':  // a parser would turn a raw one into a newline, even in text
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace dupsim
