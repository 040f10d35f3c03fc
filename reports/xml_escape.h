// Text made safe for the XML-based formats (JUnit, and the HTML report and
// explain pages, which are polyglot XHTML so an XML parser can read them).
// Names and descriptions come from scenario files: anything may be in them, and
// one byte XML cannot carry makes a whole file unreadable, so such bytes (not
// valid UTF-8, or a control character XML forbids) become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace dupsim {

enum class XmlSpot {
  kText,       // character data: tabs and newlines stay as they are (carriage returns do not)
  kAttribute,  // an attribute value: they become references, which a parser keeps
};

// & < > " escaped, and ' too with `escape_apostrophe`.
std::string EscapeForXml(std::string_view text, XmlSpot spot, bool escape_apostrophe);

}  // namespace dupsim
