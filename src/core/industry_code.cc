#include "core/industry_code.h"

#include <algorithm>

namespace qq {

Result<IndustryCode> IndustryCode::Parse(std::string_view text) {
  auto bad = [&text](const char* why) {
    return Status::InvalidArgument("'" + std::string(text) + "' is not a GB/T 4754-2017 industry code (" + why + ")");
  };
  if (text.size() == 1) {
    if (text[0] >= 'A' && text[0] <= 'T') return IndustryCode(std::string(text));
    return bad("a section is one letter A–T");
  }
  std::string_view digits = text;
  if (!digits.empty() && digits[0] >= 'A' && digits[0] <= 'T') digits.remove_prefix(1);
  if (digits.size() < 2 || digits.size() > 4) return bad("2 to 4 digits");
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return bad("digits only");
  }
  int division = (digits[0] - '0') * 10 + (digits[1] - '0');
  if (division < 1 || division > 97) return bad("大类 01–97");
  return IndustryCode(std::string(digits));
}

int IndustryCode::Level() const { return code_.size() == 1 ? 1 : static_cast<int>(code_.size()); }

bool IndustryCode::IsPrefixOf(const IndustryCode& other) const {
  if (IsSection() || other.IsSection()) return code_ == other.code_;
  return other.code_.size() >= code_.size() && other.code_.compare(0, code_.size(), code_) == 0;
}

}  // namespace qq
