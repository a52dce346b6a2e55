// Password hashing (argon2id via libsodium), random tokens and SHA-256.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace qq::app {

// Returns an argon2id hash string (libsodium's crypto_pwhash_str, "$argon2id$..."), with
// interactive-level cost so a login takes tens of milliseconds.
Result<std::string> HashPassword(std::string_view password);
// True if `password` matches the stored hash.
bool VerifyPassword(std::string_view password, const std::string& hash);
// `bytes` random bytes as lower-case hex.
std::string RandomHex(size_t bytes);
// Lower-case hex SHA-256 of the data.
std::string Sha256Hex(std::string_view data);
// A password of `length` characters meeting the password policy, for generated accounts.
std::string GeneratePassword(size_t length = 16);
// OK if the password is at least 10 characters and uses at least three of: lower-case,
// upper-case, digits, other characters (等保 2.0 complexity); InvalidArgument saying why not.
Status CheckPasswordPolicy(std::string_view password);

}  // namespace qq::app
