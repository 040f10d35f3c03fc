// Text made safe for the HTML report, which is also well-formed XML (polyglot
// XHTML) so that tests and tools can read it with an XML parser. Names and
// descriptions come from scenario files: anything may be in them.
#pragma once

#include <string>
#include <string_view>

namespace dupsim {

// `text` as XML character data or attribute value (reports/xml_escape.h): & < > " '
// escaped; bytes XML cannot carry become U+FFFD.
std::string EscapeXml(std::string_view text);

}  // namespace dupsim
