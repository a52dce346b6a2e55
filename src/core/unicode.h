// Small UTF-8 helpers for the text people type into sheets: decoding code points and folding
// full-width forms to half-width.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qq {

// Decodes the code point at text[pos] and advances pos; returns U+FFFD for a bad sequence
// (advancing one byte).
char32_t NextCodePoint(std::string_view text, size_t& pos);
void AppendUtf8(std::string& out, char32_t cp);
// True if `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Full-width ASCII (ＡＢＣ１２３（），：；) and the ideographic space become their half-width forms;
// the dashes and tildes used in ranges (—, –, －, ～, 〜) become '-'; everything else is kept.
std::string FoldWidth(std::string_view text);
// FoldWidth, then spaces, tabs and line breaks removed: the form header names are compared in.
std::string CompactHeader(std::string_view text);
// Trims ASCII and ideographic spaces at both ends.
std::string TrimSpaces(std::string_view text);

}  // namespace qq
