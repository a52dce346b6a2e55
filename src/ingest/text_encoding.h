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
//  - Otherwise uchardet guesses; GBK, GB2312 and guesses of a Western single-byte encoding
//    are read as GB18030 (the superset of GBK used by Chinese government systems). Other CJK
//    encodings uchardet reports confidently (BIG5, SHIFT_JIS, EUC-JP, EUC-KR) are honoured
//    when the text does not decode as GB18030.
// Returns InvalidArgument "<file_name>:<line>: ..." naming the first undecodable byte and the
// encoding tried.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const std::string& file_name);

// Returns the offset of the first byte that is not part of a valid UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are invalid), or npos if all is valid.
size_t FindInvalidUtf8(std::string_view text);

// Replaces every invalid UTF-8 sequence in `text` with U+FFFD.
std::string RepairUtf8(std::string_view text);

// Returns uchardet's name for the encoding of `bytes` (at most the first MiB is examined);
// "" when it cannot tell.
std::string GuessEncoding(std::string_view bytes);

// Converts `bytes` from `encoding` (an iconv name) to UTF-8. On an undecodable or truncated
// sequence returns InvalidArgument "<file_name>:<line>: ..." with the line it is on.
Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                  const std::string& file_name);

}  // namespace qq::ingest
