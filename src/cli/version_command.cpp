// `zhijia version`: the program's version and the schema version it expects.
#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace zj::cli {

void AddVersionCommand(CLI::App& app, const GlobalOptions&, Runner& run) {
  auto* cmd = app.add_subcommand("version", "Print the program and schema versions");
  cmd->callback([&run] {
    run = [] {
      std::cout << "zhijia " << ZHIJIA_VERSION << " (schema " << store::LatestSchemaVersion()
                << ")\n";
      return kExitOk;
    };
  });
}

}  // namespace zj::cli
