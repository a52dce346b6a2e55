// Reading whole files for the loaders.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace qq::ingest {

// Returns the bytes of the file; NotFound or Io naming the path.
Result<std::string> ReadWholeFile(const std::filesystem::path& path);

}  // namespace qq::ingest
