// ReadTable: any spreadsheet file an importer is given (.xlsx, or comma/semicolon/tab separated
// text in UTF-8, GBK/GB18030 or UTF-16) as sheets of text cells with Excel's row numbers. The
// format is decided by the bytes, not the file name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/table.h"

namespace qq::ingest {

// Reads .xlsx (a zip holding a workbook; see xlsx_reader.h) or delimited text:
//  - encoding detected as text_encoding.h says and converted to UTF-8;
//  - delimiter: tab, comma or semicolon, whichever splits the first lines most consistently
//    (format "tsv" for tab, "csv" otherwise), or the one an Excel "sep=;" first line names;
//  - RFC 4180 quoting (embedded separators, "" and line breaks), CRLF or LF; every field is a
//    kString cell ("" → kEmpty); rows with no non-empty field are skipped.
// Errors (InvalidArgument, naming the file and saying what to do):
//  - not a spreadsheet: an .xls/.et (OLE2) file ("save it as .xlsx"), a password-protected
//    xlsx, a PDF, an HTML/MHTML or XML-2003 page saved as .xls, an .ods, another zip or binary
//    file;
//  - a corrupt, truncated or encrypted zip, a part the workbook names but the zip lacks;
//  - "<file>:<line>: ..." for an undecodable byte and for a quote that is never closed;
//  - more than kMaxTableCells cells (table.h).
// ReadTable adds NotFound/Io for a missing or unreadable file, and names the file by its
// file name (not the full path) in messages and Table::file_name. Thread-safe.
Result<Table> ReadTable(const std::filesystem::path& path);
Result<Table> ReadTableFromBytes(std::string_view bytes, const std::string& file_name);

// Returns the separator of delimited text: '\t', ',' or ';' (',' when there is none).
char DetectDelimiter(std::string_view text);

}  // namespace qq::ingest
