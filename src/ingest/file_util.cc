#include "ingest/file_util.h"

#include <fstream>
#include <sstream>

namespace qq::ingest {

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("file '" + path.string() + "' does not exist");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot read '" + path.string() + "'");
  std::string data;
  data.resize(std::filesystem::file_size(path, ec));
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (!in && !in.eof()) return Status::Io("cannot read '" + path.string() + "'");
  data.resize(static_cast<size_t>(in.gcount()));
  return data;
}

}  // namespace qq::ingest
