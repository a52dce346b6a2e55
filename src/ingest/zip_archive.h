// ZipArchive: read-only access to a zip archive held in memory (the container of .xlsx files),
// over libzip. Entry names are looked up case-insensitively, as Office does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct zip;
struct zip_file;

namespace qq::ingest {

// Streams one entry's uncompressed bytes. Move-only; must not outlive its ZipArchive. Use one
// archive (and its readers) from one thread at a time.
class ZipEntryReader {
 public:
  ZipEntryReader(ZipEntryReader&&) noexcept = default;
  ZipEntryReader& operator=(ZipEntryReader&&) noexcept = default;
  ~ZipEntryReader() = default;
  // Reads up to `capacity` bytes into `out`; returns 0 at the end of the entry. Errors
  // (InvalidArgument naming the file and entry): corrupt data or CRC, an encrypted entry, an
  // entry larger than kMaxEntryBytes uncompressed.
  Result<size_t> Read(char* out, size_t capacity);

 private:
  friend class ZipArchive;
  struct Closer {
    void operator()(zip_file* f) const;
  };
  ZipEntryReader(zip_file* file, std::string what) : file_(file), what_(std::move(what)) {}
  std::unique_ptr<zip_file, Closer> file_;
  std::string what_;  // "<file>: part <entry>" for messages
  uint64_t total_ = 0;
};

class ZipArchive {
 public:
  // Refuses entries that inflate beyond this (a zip bomb, not a spreadsheet).
  static constexpr uint64_t kMaxEntryBytes = uint64_t{2} << 30;

  // Opens the archive in `bytes`, which must outlive the archive. Returns InvalidArgument
  // naming `file_name` if it is not a readable zip (truncated, corrupt).
  static Result<ZipArchive> Open(std::string_view bytes, const std::string& file_name);

  ZipArchive(ZipArchive&&) noexcept = default;
  ZipArchive& operator=(ZipArchive&&) noexcept = default;
  ~ZipArchive() = default;

  bool Contains(std::string_view entry) const;
  // Opens an entry for streaming; NotFound if there is no such entry, InvalidArgument if it
  // cannot be read (encrypted, unsupported compression).
  Result<ZipEntryReader> OpenEntry(std::string_view entry) const;
  // Reads a whole entry (for the small parts); errors as OpenEntry and ZipEntryReader::Read.
  Result<std::string> ReadEntry(std::string_view entry) const;
  const std::string& file_name() const { return file_name_; }

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  ZipArchive(zip* archive, std::string file_name)
      : zip_(archive), file_name_(std::move(file_name)) {}
  std::unique_ptr<zip, Closer> zip_;
  std::string file_name_;
};

}  // namespace qq::ingest
