// Text encodings of imported files: detecting UTF-8 / UTF-8 with BOM / UTF-16 / GBK-GB18030
// (and the rarer CJK encodings uchardet names) and converting to UTF-8 with iconv.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq::ingest {

struct DecodedText {
  std::string text;      // UTF-8, without a byte order mark
  std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5", ...
};

// Detects the encoding of `bytes` and returns the text as UTF-8.
//  - A byte order mark decides (UTF-8, UTF-16LE/BE).
//  - Valid UTF-8 (including plain ASCII) is UTF-8.
//  - Text that is mostly valid UTF-8 but has bad bytes is a damaged UTF-8 file: an error.
//  - Otherwise uchardet guesses. Another CJK encoding it names (BIG5, SHIFT_JIS, EUC-JP,
//    EUC-KR) is tried first; everything else, including its frequent wrong guesses of a
//    single-byte encoding for short GBK text, is read as GB18030, the superset of GBK and
//    GB2312 that Chinese government systems export (reported as "GB18030").
// Returns InvalidArgument "<file_name>:<line>: ..." naming the first undecodable byte and the
// encoding tried.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const std::string& file_name);

// As DecodeToUtf8, taking the bytes: UTF-8 is moved rather than copied, and anything else is
// released as soon as it is converted (a 100 MB file then needs no second 100 MB).
Result<DecodedText> MoveToUtf8(std::string bytes, const std::string& file_name);

// Returns the offset of the first byte that is not part of a valid UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are invalid), or npos if all is valid.
size_t FindInvalidUtf8(std::string_view text);

// Replaces every invalid UTF-8 sequence in `text` with U+FFFD.
std::string RepairUtf8(std::string_view text);

// Returns uchardet's name for the encoding of `bytes` (a MiB from shortly before the first
// non-ASCII byte is examined), "ASCII" for plain ASCII, "" when it cannot tell.
std::string GuessEncoding(std::string_view bytes);

// Converts `bytes` from `encoding` (an iconv name) to UTF-8. On an undecodable or truncated
// sequence returns InvalidArgument "<file_name>:<line>: ..." with the line it is on.
Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                  const std::string& file_name);

}  // namespace qq::ingest
