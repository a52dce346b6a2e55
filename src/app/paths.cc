#include "app/paths.h"

#include <unistd.h>

namespace qq::app {

std::filesystem::path ExecutableDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::filesystem::current_path();
  return exe.parent_path();
}

Result<std::filesystem::path> FindDataDir(const std::string& override_dir) {
  std::error_code ec;
  if (!override_dir.empty()) {
    std::filesystem::path p(override_dir);
    if (!std::filesystem::is_directory(p / "chains", ec)) {
      return Status::NotFound("--data-dir '" + override_dir + "' has no chains/ folder; is it qiangqu's data/ folder?");
    }
    return std::filesystem::canonical(p, ec);
  }
  auto exe = ExecutableDir();
  for (const auto& candidate : {exe / ".." / "data", exe / ".." / ".." / "data", exe / ".." / "share" / "qiangqu" / "data"}) {
    if (std::filesystem::is_directory(candidate / "chains", ec)) return std::filesystem::canonical(candidate, ec);
  }
  return Status::NotFound("cannot find qiangqu's data/ folder next to " + exe.string() + " (use --data-dir)");
}

std::filesystem::path FindWebDir(const std::filesystem::path& data_dir) {
  std::error_code ec;
  auto beside = data_dir / ".." / "web" / "dist";
  if (std::filesystem::is_directory(beside, ec)) return std::filesystem::canonical(beside, ec);
  return data_dir / ".." / "web";
}

std::filesystem::path ArchiveDirFor(const std::string& db_path) { return std::filesystem::path(db_path + ".files"); }

}  // namespace qq::app
