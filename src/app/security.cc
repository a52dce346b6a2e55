#include "app/security.h"

#include <sodium.h>

#include <mutex>

namespace qq::app {
namespace {

void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable randomness: nothing safe can be done
  });
}

std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  EnsureSodium();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), bytes);
  return ToHex(reinterpret_cast<const unsigned char*>(buf.data()), bytes);
}

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(digest, sizeof digest);
}

std::string GeneratePassword(size_t length) {
  EnsureSodium();
  // No look-alike characters (0/O, 1/l/I), and one of each class guaranteed.
  static constexpr std::string_view kSets[] = {"abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "-_.@#%"};
  std::string out;
  for (size_t i = 0; i < length; ++i) {
    std::string_view set = kSets[i < 4 ? i : randombytes_uniform(3)];
    out.push_back(set[randombytes_uniform(static_cast<uint32_t>(set.size()))]);
  }
  for (size_t i = out.size() - 1; i > 0; --i) std::swap(out[i], out[randombytes_uniform(static_cast<uint32_t>(i + 1))]);
  return out;
}

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < 10) return Status::InvalidArgument("密码至少10个字符 (a password needs at least 10 characters)");
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  if (lower + upper + digit + other < 3) {
    return Status::InvalidArgument("密码须包含小写字母、大写字母、数字、符号中的至少三类 "
                                   "(use at least three of: lower-case, upper-case, digits, symbols)");
  }
  return Status::Ok();
}

}  // namespace qq::app
