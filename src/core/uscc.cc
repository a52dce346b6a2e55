#include "core/uscc.h"

namespace qq {
namespace {

// GB 32100-2015 character set (31 characters) and the weights 3^(i) mod 31.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int ValueOf(char c) {
  size_t pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

char Uscc::CheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = ValueOf(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<size_t>(check)];
}

Result<Uscc> Uscc::Parse(std::string_view text) {
  std::string code(text);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (code.size() != 18) {
    return Status::InvalidArgument("统一社会信用代码 '" + std::string(text) + "' has " +
                                   std::to_string(code.size()) + " characters, not 18");
  }
  for (size_t i = 0; i < code.size(); ++i) {
    if (ValueOf(code[i]) < 0) {
      return Status::InvalidArgument("统一社会信用代码 '" + std::string(text) + "' has '" +
                                     std::string(1, code[i]) + "' at position " +
                                     std::to_string(i + 1) + " (I, O, S, V, Z are not used)");
    }
  }
  char expected = CheckCharacter(std::string_view(code).substr(0, 17));
  if (code[17] != expected) {
    return Status::InvalidArgument("统一社会信用代码 '" + std::string(text) +
                                   "' has check character '" + std::string(1, code[17]) +
                                   "', expected '" + std::string(1, expected) + "'");
  }
  return Uscc(std::move(code));
}

}  // namespace qq
