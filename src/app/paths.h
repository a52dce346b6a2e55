// Where the program finds data/ and the built web app: relative to its own executable (never
// the current directory), or where --data-dir says.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace qq::app {

// The folder holding the running executable (from /proc/self/exe).
std::filesystem::path ExecutableDir();

// Returns `override_dir` if given (it must contain chains/), else the first of
// <exe>/../data, <exe>/../../data, <exe>/../share/qiangqu/data that exists.
Result<std::filesystem::path> FindDataDir(const std::string& override_dir = "");

// The web app's built files: <data>/../web/dist, or <exe>/../share/qiangqu/web. May not exist.
std::filesystem::path FindWebDir(const std::filesystem::path& data_dir);

// The folder beside a database where imported files are archived: "<db>.files".
std::filesystem::path ArchiveDirFor(const std::string& db_path);

}  // namespace qq::app
