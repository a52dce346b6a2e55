#include "ingest/zip_archive.h"

#include <zip.h>

namespace qq::ingest {
namespace {

std::string ZipErrorText(zip_error_t* error) {
  int code = zip_error_code_zip(error);
  switch (code) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return "it is encrypted (remove the password in Excel/WPS and save again)";
    case ZIP_ER_COMPNOTSUPP:
      return "it uses a compression method that is not supported (re-save it in Excel/WPS)";
    case ZIP_ER_CRC:
    case ZIP_ER_ZLIB:
    case ZIP_ER_INCONS:
    case ZIP_ER_NOZIP:
    case ZIP_ER_EOF:
      return std::string("the zip data is corrupt or truncated (") + zip_error_strerror(error) +
             ")";
    default:
      return zip_error_strerror(error);
  }
}

}  // namespace

void ZipEntryReader::Closer::operator()(zip_file* f) const { zip_fclose(f); }
void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

Result<size_t> ZipEntryReader::Read(char* out, size_t capacity) {
  zip_int64_t n = zip_fread(file_.get(), out, capacity);
  if (n < 0) {
    return Status::InvalidArgument(
        what_ + " cannot be read: " + ZipErrorText(zip_file_get_error(file_.get())));
  }
  total_ += static_cast<uint64_t>(n);
  if (total_ > ZipArchive::kMaxEntryBytes) {
    return Status::InvalidArgument(what_ + " inflates to more than 2 GiB; refusing to read it");
  }
  return static_cast<size_t>(n);
}

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, const std::string& file_name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Internal(file_name + ": cannot read zip: " + text);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    std::string text = ZipErrorText(&error);
    zip_error_fini(&error);
    return Status::InvalidArgument(file_name + ": the xlsx (zip) file cannot be opened, " + text +
                                   "; was it copied or uploaded completely?");
  }
  zip_error_fini(&error);
  return ZipArchive(archive, file_name);
}

bool ZipArchive::Contains(std::string_view entry) const {
  return zip_name_locate(zip_.get(), std::string(entry).c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<ZipEntryReader> ZipArchive::OpenEntry(std::string_view entry) const {
  std::string name(entry);
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::NotFound(file_name_ + ": the part " + name + " is missing");
  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::InvalidArgument(file_name_ + ": the part " + name +
                                   " cannot be read: " + ZipErrorText(zip_get_error(zip_.get())));
  }
  return ZipEntryReader(file, file_name_ + ": the part " + name);
}

Result<std::string> ZipArchive::ReadEntry(std::string_view entry) const {
  QQ_ASSIGN_OR_RETURN(ZipEntryReader reader, OpenEntry(entry));
  std::string out;
  size_t used = 0;
  while (true) {
    if (out.size() - used < 65536) out.resize(used + 65536 + out.size());
    QQ_ASSIGN_OR_RETURN(size_t n, reader.Read(out.data() + used, out.size() - used));
    if (n == 0) break;
    used += n;
  }
  out.resize(used);
  return out;
}

}  // namespace qq::ingest
