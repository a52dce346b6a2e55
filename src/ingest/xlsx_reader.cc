#include "ingest/xlsx_reader.h"

#include <charconv>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <pugixml.hpp>
#include <system_error>
#include <thread>

#include "ingest/excel_dates.h"

namespace qq::ingest {
namespace {

constexpr unsigned kParseFlags =
    pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_embed_pcdata;
constexpr size_t kReadChunk = size_t{1} << 18;  // bytes inflated per read, and the batch size
constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;

// Element and attribute names without their namespace prefix ("x:row" → "row").
std::string_view LocalName(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(name);
}

// True if `name` is `local`, with or without a namespace prefix; the hot path of cell parsing.
bool IsNamed(const char* name, std::string_view local) {
  size_t i = 0;
  while (i < local.size() && name[i] == local[i]) ++i;
  if (i == local.size() && name[i] == '\0') return true;
  const char* colon = std::strchr(name, ':');
  return colon != nullptr && LocalName(name) == local;
}

pugi::xml_attribute FindAttribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (IsNamed(a.name(), local)) return a;
  }
  return {};
}

pugi::xml_node FindChild(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && IsNamed(c.name(), local)) return c;
  }
  return {};
}

// The text of an element: its embedded PCDATA plus any further PCDATA/CDATA children.
void AppendText(pugi::xml_node node, std::string& out) {
  out += node.value();
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
}

std::string_view SimpleText(pugi::xml_node node) {
  const char* value = node.value();
  if (*value || !node.first_child()) return value;
  pugi::xml_node c = node.first_child();
  if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !c.next_sibling()) {
    return c.value();
  }
  return {};
}

// A shared or inline string: <t> directly, or the <t> of each rich-text run <r>. Phonetic
// runs (<rPh>, furigana) are not part of the value.
std::string StringItemText(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c.name());
    if (name == "t") {
      AppendText(c, out);
    } else if (name == "r") {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
        if (t.type() == pugi::node_element && LocalName(t.name()) == "t") AppendText(t, out);
      }
    }
  }
  DecodeOoxmlEscapes(out);
  return out;
}

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The UTF-16 unit of an _xHHHH_ escape at text[i], or -1.
int EscapeAt(const std::string& text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return -1;
  int unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    int h = HexValue(text[k]);
    if (h < 0) return -1;
    unit = unit * 16 + h;
  }
  return unit;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Relationship {
  std::string type;    // the full type URI
  std::string target;  // resolved part path, or the raw target when external
  bool external = false;
};

bool TypeIs(const Relationship& r, std::string_view last_segment) {
  return r.type.size() > last_segment.size() && r.type.ends_with(last_segment) &&
         r.type[r.type.size() - last_segment.size() - 1] == '/';
}

std::string RelsPartFor(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

Status ParsePart(const ZipArchive& archive, const std::string& part, pugi::xml_document& doc) {
  QQ_ASSIGN_OR_RETURN(std::string xml, archive.ReadEntry(part));
  pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), kParseFlags);
  if (!r) {
    return Status::InvalidArgument(archive.file_name() + ": the part " + part +
                                   " is not well-formed XML (" + r.description() + " at byte " +
                                   std::to_string(r.offset) + ")");
  }
  return Status::Ok();
}

// Relationships of `part` keyed by Id; an absent .rels part has none.
Result<std::map<std::string, Relationship>> ReadRelationships(const ZipArchive& archive,
                                                              std::string_view part) {
  std::map<std::string, Relationship> out;
  std::string rels = RelsPartFor(part);
  if (!archive.Contains(rels)) return out;
  pugi::xml_document doc;
  QQ_RETURN_IF_ERROR(ParsePart(archive, rels, doc));
  for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
    if (r.type() != pugi::node_element || LocalName(r.name()) != "Relationship") continue;
    Relationship rel;
    rel.type = FindAttribute(r, "Type").value();
    rel.external = std::string_view(FindAttribute(r, "TargetMode").value()) == "External";
    std::string_view target = FindAttribute(r, "Target").value();
    rel.target = rel.external ? std::string(target) : ResolvePartTarget(part, target);
    out[FindAttribute(r, "Id").value()] = std::move(rel);
  }
  return out;
}

// Where the opening tag of the container element is, in text that may be incomplete.
struct StartTag {
  enum class Found { kYes, kNo, kNeedMore } found = Found::kNo;
  size_t end = 0;  // offset just past '>'
  bool self_closing = false;
  std::string prefix;  // "x:" or ""
};

StartTag FindStartTag(std::string_view text, std::string_view local) {
  StartTag tag;
  size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    std::string_view rest = text.substr(i);
    if (rest.starts_with("<!--") || rest.starts_with("<?") || rest.starts_with("<![CDATA[")) {
      std::string_view close = rest[1] == '?' ? "?>" : rest[2] == '-' ? "-->" : "]]>";
      size_t end = text.find(close, i + 2);
      if (end == std::string_view::npos) {
        tag.found = StartTag::Found::kNeedMore;
        return tag;
      }
      i = end + close.size();
      continue;
    }
    size_t name_end = i + 1;
    while (name_end < text.size() && !std::strchr(" \t\r\n/>", text[name_end])) ++name_end;
    if (name_end >= text.size()) {
      tag.found = StartTag::Found::kNeedMore;
      return tag;
    }
    std::string_view name = text.substr(i + 1, name_end - i - 1);
    size_t colon = name.find(':');
    std::string_view name_local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    // Find the end of this tag, skipping quoted attribute values.
    size_t j = name_end;
    char quote = 0;
    for (; j < text.size(); ++j) {
      char c = text[j];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (j >= text.size()) {
      tag.found = StartTag::Found::kNeedMore;
      return tag;
    }
    if (name_local == local && !name.starts_with("/")) {
      tag.found = StartTag::Found::kYes;
      tag.end = j + 1;
      tag.self_closing = text[j - 1] == '/';
      tag.prefix = colon == std::string_view::npos ? "" : std::string(name.substr(0, colon + 1));
      return tag;
    }
    i = j + 1;
  }
  return tag;
}

// A run of whole records cut from a part and parsed as one XML fragment.
struct Batch {
  std::string text;  // parsed in place by `doc`
  pugi::xml_document doc;
};

// Cuts the records inside the first element named `container` of an XML part into batches of
// about 256 KiB (cut after a record's end tag) and parses each with pugixml, so a 100 MB sheet
// never becomes one DOM. A batch that fails to parse (a cut inside CDATA, say) is retried as
// one piece up to the container's end, where real errors are reported.
class BatchReader {
 public:
  BatchReader(ZipEntryReader reader, const std::string& file_name, const std::string& part,
              std::string_view container, std::string_view record)
      : reader_(std::move(reader)),
        file_name_(file_name),
        part_(part),
        container_(container),
        record_(record) {}

  // Returns the next batch (reusing `spare`'s memory when given), or nullptr after the last.
  Result<std::unique_ptr<Batch>> Next(std::unique_ptr<Batch> spare) {
    while (!done_) {
      if (!eof_) {
        if (buf_.size() < filled_ + kReadChunk) buf_.resize(filled_ + kReadChunk);
        QQ_ASSIGN_OR_RETURN(size_t n, reader_.Read(buf_.data() + filled_, kReadChunk));
        filled_ += n;
        buf_.resize(filled_);
        eof_ = n == 0;
      }
      if (!in_container_) {
        QQ_ASSIGN_OR_RETURN(bool found, FindContainer());
        if (!found) continue;
      }
      std::string_view view(buf_.data(), filled_);
      // memmem, not string_view::find, which stops at every '<' of the batch.
      const void* hit = scan_from_ < filled_
                            ? memmem(view.data() + scan_from_, filled_ - scan_from_,
                                     container_end_.data(), container_end_.size())
                            : nullptr;
      if (hit != nullptr) {
        done_ = true;
        size_t end = static_cast<size_t>(static_cast<const char*>(hit) - view.data());
        QQ_ASSIGN_OR_RETURN(bool parsed, Parse(end, true, spare));
        (void)parsed;
        return spare;
      }
      if (eof_) {
        return Status::InvalidArgument(file_name_ + ": the part " + part_ + " ends inside <" +
                                       std::string(container_) +
                                       ">; the file is truncated or damaged");
      }
      scan_from_ = filled_ >= container_end_.size() ? filled_ - container_end_.size() + 1 : 0;
      if (whole_ || filled_ < kReadChunk) continue;
      size_t cut = view.rfind(record_end_);
      if (cut == std::string_view::npos) continue;  // one record longer than a batch: read on
      cut += record_end_.size();
      QQ_ASSIGN_OR_RETURN(bool parsed, Parse(cut, false, spare));
      if (!parsed) {
        whole_ = true;
        continue;
      }
      buf_.erase(0, cut);
      filled_ -= cut;
      base_offset_ += cut;
      scan_from_ = scan_from_ > cut ? scan_from_ - cut : 0;
      return spare;
    }
    return std::unique_ptr<Batch>();
  }

 private:
  // Finds the container's start tag; false while more bytes are needed (or, at the end, when
  // the part has no container: then there is nothing to read).
  Result<bool> FindContainer() {
    std::string_view view(buf_.data(), filled_);
    if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
      return Status::InvalidArgument(
          file_name_ + ": the part " + part_ +
          " is UTF-16 XML, which is not supported; re-save the file in Excel");
    }
    StartTag tag = FindStartTag(view, container_);
    if (tag.found != StartTag::Found::kYes || tag.self_closing) {
      done_ = eof_ || tag.self_closing;
      return false;
    }
    in_container_ = true;
    record_end_ = "</" + tag.prefix + std::string(record_) + ">";
    container_end_ = "</" + tag.prefix + std::string(container_) + ">";
    buf_.erase(0, tag.end);
    filled_ -= tag.end;
    base_offset_ += tag.end;
    return true;
  }

  // Parses buf_[0, len) into `batch`; false if it is not well-formed and not the last piece.
  Result<bool> Parse(size_t len, bool last, std::unique_ptr<Batch>& batch) {
    if (!batch) batch = std::make_unique<Batch>();
    batch->text.assign(buf_.data(), len);
    pugi::xml_parse_result r = batch->doc.load_buffer_inplace(
        batch->text.data(), len, kParseFlags | pugi::parse_fragment, pugi::encoding_utf8);
    if (r) return true;
    if (!last) return false;
    return Status::InvalidArgument(
        file_name_ + ": the part " + part_ + " is not well-formed XML (" + r.description() +
        " at byte " + std::to_string(base_offset_ + static_cast<size_t>(r.offset)) + ")");
  }

  ZipEntryReader reader_;
  const std::string& file_name_;
  const std::string& part_;
  std::string_view container_, record_;
  std::string buf_;
  size_t filled_ = 0;
  size_t base_offset_ = 0;  // offset of buf_[0] in the part, for messages
  size_t scan_from_ = 0;    // where the search for the container's end resumes
  bool eof_ = false, done_ = false, in_container_ = false, whole_ = false;
  std::string record_end_, container_end_;
};

// Calls `on_record` for each child element named `record` of the first element named
// `container` in the part. A second thread inflates and parses the batches while this one
// runs `on_record` (building cells, the larger half of the work).
Status ForEachRecord(const ZipArchive& archive, const std::string& part, std::string_view container,
                     std::string_view record,
                     const std::function<Status(pugi::xml_node)>& on_record) {
  constexpr size_t kQueued = 2;
  QQ_ASSIGN_OR_RETURN(ZipEntryReader reader, archive.OpenEntry(part));
  BatchReader batches(std::move(reader), archive.file_name(), part, container, record);

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::unique_ptr<Batch>> ready;
  std::vector<std::unique_ptr<Batch>> spares;
  bool finished = false, cancelled = false;
  Status producer_status;

  auto produce = [&] {
    while (true) {
      std::unique_ptr<Batch> spare;
      {
        std::lock_guard lock(mutex);
        if (!spares.empty()) {
          spare = std::move(spares.back());
          spares.pop_back();
        }
      }
      Result<std::unique_ptr<Batch>> batch = batches.Next(std::move(spare));
      std::unique_lock lock(mutex);
      if (!batch.ok() || !*batch) {
        if (!batch.ok()) producer_status = batch.status();
        finished = true;
        changed.notify_all();
        return;
      }
      changed.wait(lock, [&] { return ready.size() < kQueued || cancelled; });
      if (cancelled) return;
      ready.push_back(std::move(batch).value());
      changed.notify_all();
    }
  };
  std::thread producer;
  try {
    producer = std::thread(produce);
  } catch (const std::system_error& e) {
    return Status::Internal(archive.file_name() + ": cannot start a thread to read " + part + ": " +
                            e.what());
  }

  Status status;
  while (status.ok()) {
    std::unique_ptr<Batch> batch;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !ready.empty() || finished; });
      if (ready.empty()) {
        status = producer_status;
        break;
      }
      batch = std::move(ready.front());
      ready.pop_front();
      changed.notify_all();
    }
    for (pugi::xml_node n = batch->doc.first_child(); n && status.ok(); n = n.next_sibling()) {
      if (n.type() == pugi::node_element && IsNamed(n.name(), record)) status = on_record(n);
    }
    std::lock_guard lock(mutex);
    spares.push_back(std::move(batch));
  }
  {
    std::lock_guard lock(mutex);
    cancelled = true;
    changed.notify_all();
  }
  producer.join();
  return status;
}

// Parses "C5" into a 0-based column and a row; false if it is not a cell reference.
bool ParseCellReference(std::string_view ref, int& column, int& row) {
  size_t i = 0;
  int col = 0;
  while (i < ref.size() && i < 4) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    ++i;
  }
  if (i == 0 || col > kMaxColumns) return false;
  column = col - 1;
  row = 0;
  if (i == ref.size()) return true;  // a column only ("C"): some writers
  return ParseNumber(ref.substr(i), row) && row >= 1 && row <= kMaxRows;
}

struct WorkbookInfo {
  const std::vector<std::string>* shared_strings = nullptr;
  const std::vector<bool>* date_styles = nullptr;
  bool date1904 = false;
  size_t cells = 0;  // cells kept so far, gaps included, against kMaxTableCells
};

// Turns the <row> elements of one sheet into Sheet rows.
class SheetBuilder {
 public:
  SheetBuilder(Sheet& sheet, WorkbookInfo& info, const std::string& file_name)
      : sheet_(sheet), info_(info), file_name_(file_name) {}

  Status AddRow(pugi::xml_node row) {
    int row_number = 0;
    if (pugi::xml_attribute r = FindAttribute(row, "r")) {
      if (!ParseNumber(std::string_view(r.value()), row_number) || row_number < 1 ||
          row_number > kMaxRows) {
        return Error("row after row " + std::to_string(last_row_),
                     std::string("bad row number '") + r.value() + "'");
      }
    }
    cells_.clear();
    int column = -1;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || !IsNamed(c.name(), "c")) continue;
      const char* ref = nullptr;
      const char* type = nullptr;
      const char* style = nullptr;
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
        const char* name = a.name();
        if (IsNamed(name, "r")) {
          ref = a.value();
        } else if (IsNamed(name, "t")) {
          type = a.value();
        } else if (IsNamed(name, "s")) {
          style = a.value();
        }
      }
      if (ref != nullptr && *ref) {
        int ref_row = 0;
        if (!ParseCellReference(ref, column, ref_row)) {
          return Error("row " + std::to_string(row_number ? row_number : last_row_ + 1),
                       std::string("bad cell reference '") + ref + "'");
        }
        if (row_number == 0 && ref_row > 0) row_number = ref_row;
      } else {
        ++column;
        if (column >= kMaxColumns) {
          return Error("row " + std::to_string(row_number), "more than 16384 columns");
        }
      }
      if (row_number == 0) row_number = last_row_ + 1;
      Cell cell;
      QQ_RETURN_IF_ERROR(ReadCell(c, type, style, column, row_number, cell));
      if (cell.kind == Cell::Kind::kEmpty) continue;
      if (cells_.size() <= static_cast<size_t>(column)) {
        cells_.resize(static_cast<size_t>(column) + 1);
      }
      cells_[static_cast<size_t>(column)] = std::move(cell);
    }
    if (row_number == 0) row_number = last_row_ + 1;
    last_row_ = row_number;
    while (!cells_.empty() && cells_.back().kind == Cell::Kind::kEmpty) cells_.pop_back();
    if (cells_.empty()) return Status::Ok();
    size_t width = cells_.size();
    info_.cells += width;
    if (info_.cells > kMaxTableCells) {
      return Error("row " + std::to_string(row_number),
                   "the workbook holds more than " + std::to_string(kMaxTableCells / 1000000) +
                       " million cells (gaps between cells included); split it into smaller files");
    }
    sheet_.rows.push_back(std::move(cells_));
    sheet_.row_numbers.push_back(row_number);
    cells_ = std::vector<Cell>();
    cells_.reserve(width);
    return Status::Ok();
  }

 private:
  Status Error(const std::string& where, const std::string& what) const {
    return Status::InvalidArgument(file_name_ + ": sheet '" + sheet_.name + "' " + where + ": " +
                                   what);
  }

  Status ReadCell(pugi::xml_node c, const char* type_attr, const char* style_attr, int column,
                  int row, Cell& cell) const {
    pugi::xml_node value, inline_string;
    for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
      if (k.type() != pugi::node_element) continue;
      const char* name = k.name();
      if (IsNamed(name, "v")) {
        value = k;
      } else if (IsNamed(name, "is")) {
        inline_string = k;
      }
    }
    // The cell type: n(umber, the default), s(hared string), str (formula string), inlineStr,
    // b(oolean), e(rror), d(ate, ISO 8601).
    const char* type = type_attr && *type_attr ? type_attr : "n";
    auto is = [type](const char* name) { return std::strcmp(type, name) == 0; };
    auto where = [&] { return "cell " + CellReference(column, row); };
    if (is("s")) {
      if (!value) return Status::Ok();
      size_t index = 0;
      std::string_view text = SimpleText(value);
      if (!ParseNumber(text, index) || index >= info_.shared_strings->size()) {
        return Error(where(), "shared string " + std::string(text) +
                                  " does not exist (the workbook has " +
                                  std::to_string(info_.shared_strings->size()) + ")");
      }
      cell.text = (*info_.shared_strings)[index];
      cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kString;
    } else if (is("inlineStr") || (inline_string && !type_attr)) {
      if (inline_string) {
        cell.text = StringItemText(inline_string);
      } else if (value) {
        AppendText(value, cell.text);
        DecodeOoxmlEscapes(cell.text);
      }
      cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kString;
    } else if (is("str")) {
      if (value) AppendText(value, cell.text);
      DecodeOoxmlEscapes(cell.text);
      cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kString;
    } else if (is("b")) {
      if (!value) return Status::Ok();
      std::string_view text = SimpleText(value);
      if (text == "1" || text == "true") {
        cell.text = "TRUE";
      } else if (text == "0" || text == "false") {
        cell.text = "FALSE";
      } else {
        return Error(where(), "boolean value '" + std::string(text) + "'");
      }
      cell.kind = Cell::Kind::kBoolean;
    } else if (is("e")) {
      if (value) AppendText(value, cell.text);
      cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kError;
    } else if (is("d")) {
      if (!value) return Status::Ok();
      std::string iso;
      AppendText(value, iso);
      std::optional<std::string> serial = IsoDateToExcelSerial(iso, info_.date1904);
      std::optional<std::string> date =
          serial ? ExcelSerialToDate(*serial, info_.date1904) : std::nullopt;
      if (!date) {
        cell.text = std::move(iso);
        cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kString;
      } else {
        cell.text = std::move(*serial);
        cell.date = std::move(*date);
        cell.kind = Cell::Kind::kDate;
      }
    } else {  // "n", and anything unknown, is a number as stored
      if (!value) return Status::Ok();
      AppendText(value, cell.text);
      if (cell.text.empty()) return Status::Ok();
      cell.kind = Cell::Kind::kNumber;
      size_t style = 0;
      if (style_attr && ParseNumber(std::string_view(style_attr), style) &&
          style < info_.date_styles->size() && (*info_.date_styles)[style]) {
        if (std::optional<std::string> date = ExcelSerialToDate(cell.text, info_.date1904)) {
          cell.date = std::move(*date);
          cell.kind = Cell::Kind::kDate;
        }
      }
    }
    return Status::Ok();
  }

  Sheet& sheet_;
  WorkbookInfo& info_;
  const std::string& file_name_;
  int last_row_ = 0;
  std::vector<Cell> cells_;
};

// Which cellXfs entries (the `s` of a cell) show numbers as dates.
Result<std::vector<bool>> ReadDateStyles(const ZipArchive& archive, const std::string& part) {
  std::vector<bool> out;
  if (part.empty() || !archive.Contains(part)) return out;
  pugi::xml_document doc;
  QQ_RETURN_IF_ERROR(ParsePart(archive, part, doc));
  pugi::xml_node root = doc.document_element();
  std::map<int, std::string> codes;
  if (pugi::xml_node formats = FindChild(root, "numFmts")) {
    for (pugi::xml_node f = formats.first_child(); f; f = f.next_sibling()) {
      if (f.type() != pugi::node_element || LocalName(f.name()) != "numFmt") continue;
      int id = 0;
      if (ParseNumber(std::string_view(FindAttribute(f, "numFmtId").value()), id)) {
        codes[id] = FindAttribute(f, "formatCode").value();
      }
    }
  }
  if (pugi::xml_node xfs = FindChild(root, "cellXfs")) {
    for (pugi::xml_node xf = xfs.first_child(); xf; xf = xf.next_sibling()) {
      if (xf.type() != pugi::node_element || LocalName(xf.name()) != "xf") continue;
      int id = 0;
      bool is_date = false;
      if (ParseNumber(std::string_view(FindAttribute(xf, "numFmtId").value()), id)) {
        auto code = codes.find(id);
        is_date = code != codes.end() ? IsDateFormatCode(code->second) : IsBuiltinDateFormat(id);
      }
      out.push_back(is_date);
    }
  }
  return out;
}

Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& archive,
                                                   const std::string& part) {
  std::vector<std::string> out;
  if (part.empty() || !archive.Contains(part)) return out;
  QQ_RETURN_IF_ERROR(ForEachRecord(archive, part, "sst", "si", [&](pugi::xml_node si) {
    out.push_back(StringItemText(si));
    return Status::Ok();
  }));
  return out;
}

Status SheetPartError(const std::string& file_name, const std::string& sheet,
                      const std::string& what) {
  return Status::InvalidArgument(file_name + ": sheet '" + sheet + "' " + what);
}

Status UndefinedRelationship(const std::string& file_name, const std::string& sheet,
                             const std::string& rel_id, const std::string& workbook_part) {
  return SheetPartError(
      file_name, sheet,
      "points to relationship '" + rel_id + "', which " + workbook_part + " does not define");
}

}  // namespace

void DecodeOoxmlEscapes(std::string& text) {
  size_t first = text.find("_x");
  if (first == std::string::npos) return;
  std::string out(text, 0, first);
  for (size_t i = first; i < text.size();) {
    int unit = EscapeAt(text, i);
    if (unit < 0) {
      out += text[i++];
      continue;
    }
    i += 7;
    char32_t cp = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      int low = EscapeAt(text, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
             (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, out);
  }
  text = std::move(out);
}

std::string ResolvePartTarget(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (target.starts_with("/")) {
    joined = std::string(target.substr(1));
  } else {
    size_t slash = source_part.rfind('/');
    joined = (slash == std::string_view::npos ? std::string()
                                              : std::string(source_part.substr(0, slash + 1))) +
             std::string(target);
  }
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    std::string segment =
        joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(std::move(segment));
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

Result<std::string> FindWorkbookPart(const ZipArchive& archive) {
  if (archive.Contains("_rels/.rels")) {
    QQ_ASSIGN_OR_RETURN(auto rels, ReadRelationships(archive, ""));
    for (const auto& [id, rel] : rels) {
      if (rel.external || !TypeIs(rel, "officeDocument") || !archive.Contains(rel.target)) continue;
      // A .docx or .pptx has an office document too; a workbook's root element is <workbook>.
      QQ_ASSIGN_OR_RETURN(std::string xml, archive.ReadEntry(rel.target));
      if (FindStartTag(xml, "workbook").found == StartTag::Found::kYes) return rel.target;
    }
  }
  if (archive.Contains("xl/workbook.xml")) return std::string("xl/workbook.xml");
  return Status::NotFound(archive.file_name() + ": the zip holds no xl/workbook.xml");
}

Result<std::vector<Sheet>> ReadXlsxSheets(const ZipArchive& archive) {
  QQ_ASSIGN_OR_RETURN(std::string workbook_part, FindWorkbookPart(archive));
  const std::string& file_name = archive.file_name();
  pugi::xml_document workbook;
  QQ_RETURN_IF_ERROR(ParsePart(archive, workbook_part, workbook));
  QQ_ASSIGN_OR_RETURN(auto rels, ReadRelationships(archive, workbook_part));

  std::string shared_strings_part, styles_part;
  for (const auto& [id, rel] : rels) {
    if (rel.external) continue;
    if (TypeIs(rel, "sharedStrings")) shared_strings_part = rel.target;
    if (TypeIs(rel, "styles")) styles_part = rel.target;
  }
  std::string dir = workbook_part.substr(0, workbook_part.rfind('/') + 1);
  if (shared_strings_part.empty() && archive.Contains(dir + "sharedStrings.xml")) {
    shared_strings_part = dir + "sharedStrings.xml";
  }
  if (styles_part.empty() && archive.Contains(dir + "styles.xml")) styles_part = dir + "styles.xml";

  WorkbookInfo info;
  pugi::xml_node root = workbook.document_element();
  if (pugi::xml_node pr = FindChild(root, "workbookPr")) {
    std::string_view v = FindAttribute(pr, "date1904").value();
    info.date1904 = v == "1" || v == "true";
  }
  QQ_ASSIGN_OR_RETURN(std::vector<bool> date_styles, ReadDateStyles(archive, styles_part));
  QQ_ASSIGN_OR_RETURN(std::vector<std::string> shared_strings,
                      ReadSharedStrings(archive, shared_strings_part));
  info.date_styles = &date_styles;
  info.shared_strings = &shared_strings;

  std::vector<Sheet> sheets;
  pugi::xml_node list = FindChild(root, "sheets");
  for (pugi::xml_node s = list.first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element || LocalName(s.name()) != "sheet") continue;
    Sheet sheet;
    sheet.name = FindAttribute(s, "name").value();
    std::string_view state = FindAttribute(s, "state").value();
    sheet.hidden = state == "hidden" || state == "veryHidden";
    // The relationship id is the prefixed attribute r:id (sheetId is a different attribute).
    std::string rel_id;
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
      if (std::strchr(a.name(), ':') && LocalName(a.name()) == "id") rel_id = a.value();
    }
    auto rel = rels.find(rel_id);
    if (rel == rels.end() || rel->second.external) {
      return UndefinedRelationship(file_name, sheet.name, rel_id, workbook_part);
    }
    // Chart, dialog and macro sheets hold no cells.
    if (!TypeIs(rel->second, "worksheet")) continue;
    const std::string& part = rel->second.target;
    if (!archive.Contains(part)) {
      return SheetPartError(
          file_name, sheet.name,
          "is stored in the part " + part + ", which is missing; the file is damaged");
    }
    SheetBuilder builder(sheet, info, file_name);
    QQ_RETURN_IF_ERROR(ForEachRecord(archive, part, "sheetData", "row",
                                     [&](pugi::xml_node row) { return builder.AddRow(row); }));
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace qq::ingest
