#include "reports/html_escape.h"

#include "reports/xml_escape.h"

namespace dupsim {

std::string EscapeXml(std::string_view text) {
  return EscapeForXml(text, XmlSpot::kText, /*escape_apostrophe=*/true);
}

}  // namespace dupsim
