#include "cli/command.h"

namespace qq::cli {
std::vector<Command> ServeCommands() { return {}; }
}  // namespace qq::cli
