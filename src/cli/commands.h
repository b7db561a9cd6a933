// The subcommands of `zhijia`. Each Add*Command registers its options on the CLI11 app and
// sets `run` to the function to call after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/command_context.h"

namespace zj::cli {

using Runner = std::function<int()>;

void AddServeCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddMigrateCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddDemoCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddVersionCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddUsersCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddKeysCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddOrgsCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddEnterprisesCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddCoverageCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddRequestsCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddCalendarCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddMembersCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddStandardsCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddAidCommand(CLI::App& app, const GlobalOptions& global, Runner& run);

//! Parses argv and runs the chosen subcommand; returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace zj::cli
