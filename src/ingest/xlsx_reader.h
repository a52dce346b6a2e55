// XlsxReader: the worksheets of an .xlsx workbook (Office Open XML, as Excel, WPS, LibreOffice
// and openpyxl write it) as sheets of text cells. Parts are found through the package
// relationships, never by assumed file names; sheet XML and shared strings are streamed from
// the zip and parsed in batches of rows with pugixml, so the XML never sits in memory whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/table.h"
#include "ingest/zip_archive.h"

namespace qq::ingest {

// Returns the path of the workbook part (normally "xl/workbook.xml", found through
// _rels/.rels), or NotFound if the archive holds no spreadsheet workbook.
Result<std::string> FindWorkbookPart(const ZipArchive& archive);

// Reads every worksheet in workbook order with its name. Chart sheets and dialog sheets are
// left out. Cell values: numbers keep their stored text; shared, inline and formula string
// results become strings (rich-text runs concatenated, phonetic runs left out, _xHHHH_
// escapes decoded); formulas give their cached value (none: an empty cell); numbers whose
// cellXfs number format is a date/time become kDate (see excel_dates.h), honouring the 1904
// date system. Returns InvalidArgument "<file>: sheet '<name>' cell C5: ..." for a malformed
// part, "<file>: the part ... is missing" for a part the workbook names but the zip lacks, and
// for more than kMaxTableCells cells. A second thread inflates and parses while the calling
// thread builds cells; the call is thread-safe for different archives.
Result<std::vector<Sheet>> ReadXlsxSheets(const ZipArchive& archive);

// Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot carry ("_x000D_" → CR,
// "_x005F_" → "_"), in place. UTF-16 surrogate pairs written as two escapes are combined.
void DecodeOoxmlEscapes(std::string& text);

// Resolves a relationship target against the part that owns the relationship:
// ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml";
// ("xl/workbook.xml", "/xl/worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml";
// ("xl/worksheets/sheet1.xml", "../drawings/d1.xml") → "xl/drawings/d1.xml".
std::string ResolvePartTarget(std::string_view source_part, std::string_view target);

}  // namespace qq::ingest
