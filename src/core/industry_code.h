// IndustryCode: a GB/T 4754-2017 国民经济行业分类 code at any level: 门类 (a letter A–T),
// 大类 (2 digits), 中类 (3 digits) or 小类 (4 digits).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq {

class IndustryCode {
 public:
  // An empty placeholder, to be assigned a parsed code.
  IndustryCode() = default;
  // Accepts "C", "31", "313", "3130", and the common letter-prefixed form "C3130" (the letter
  // is dropped; whether it matches the division is checked against the registry, not here).
  // Returns InvalidArgument for other shapes or a 大类 outside 01–97.
  static Result<IndustryCode> Parse(std::string_view text);

  const std::string& str() const { return code_; }
  // 1 = 门类, 2 = 大类, 3 = 中类, 4 = 小类.
  int Level() const;
  bool IsSection() const { return Level() == 1; }
  // The 大类 (first two digits); empty for a section.
  std::string Division() const { return IsSection() ? std::string() : code_.substr(0, 2); }
  // True if this code equals `other` or is an ancestor of it by digits ("31" of "3130").
  // A section letter is never a digit prefix; ask the registry for section membership.
  bool IsPrefixOf(const IndustryCode& other) const;

  auto operator<=>(const IndustryCode&) const = default;

 private:
  explicit IndustryCode(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

}  // namespace qq
