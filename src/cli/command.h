// The CLI is a table of sub-commands: each registers its options on a CLI11 sub-app and runs
// through app/. Output rules: with --json, stdout carries exactly one JSON document (also on
// failure); logs and progress go to stderr.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "wire/json.h"

namespace qq::store {
class Database;
}

namespace qq::cli {

// Options every command may use.
struct CommonOptions {
  std::string db;
  std::string data_dir;
  bool json = false;
};

struct Command {
  const char* name;
  const char* help;
  // Adds the command's options; `common` is filled in by CLI11 before `run` is called.
  std::function<void(CLI::App& sub, CommonOptions& common)> setup;
  // Empty for a command whose setup registers nested sub-commands instead.
  std::function<int(const CommonOptions& common)> run;
};

// Where a command's exit code goes; nested sub-commands (user add, user token) set it too.
int& ExitCodeSlot();

// Every command, in the order `qiangqu --help` lists them.
const std::vector<Command>& Commands();

// Command groups, defined in cmd_*.cc.
std::vector<Command> AdminCommands();
std::vector<Command> UserCommands();
std::vector<Command> DataCommands();
std::vector<Command> ImportCommands();
std::vector<Command> QueryCommands();
std::vector<Command> ChainCommands();
std::vector<Command> ServeCommands();
std::vector<Command> TagCommands();
std::vector<Command> ProjectCommands();

// The exit code for a status (one table for the whole CLI).
int ExitCodeFor(const Status& status);
// Reports a failure: the error document on stdout with --json, a message on stderr otherwise.
int Fail(const CommonOptions& common, const Status& status);
// Prints a JSON document (one line) on stdout.
void PrintJson(const wire::Json& doc);
// Adds --db (required unless `db_optional`), --data-dir and --json.
void AddDbOption(CLI::App& sub, CommonOptions& c, bool required = true);
void AddDataDirOption(CLI::App& sub, CommonOptions& c);
void AddJsonOption(CLI::App& sub, CommonOptions& c);

// Runs a command that answers with one JSON document: opens the database (read-only unless
// `writes`), calls `fn`, prints the document (indented without --json); failures go through Fail.
int RunDocument(const CommonOptions& c, bool writes, const std::function<Result<wire::Json>(store::Database&)>& fn);

// Adds such a command under `parent` with --db, --data-dir, --json and its own options.
template <typename Args>
void AddDocumentCommand(CLI::App& parent, CommonOptions& c, const char* name, const char* help, bool writes,
                        const std::function<void(CLI::App&, Args&)>& options,
                        std::function<Result<wire::Json>(store::Database&, const CommonOptions&, const Args&)> fn) {
  auto a = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(name, help);
  AddDbOption(*cmd, c);
  AddDataDirOption(*cmd, c);
  AddJsonOption(*cmd, c);
  options(*cmd, *a);
  cmd->callback([&c, a, fn, writes] {
    ExitCodeSlot() = RunDocument(c, writes, [&](store::Database& db) { return fn(db, c, *a); });
  });
}

}  // namespace qq::cli
