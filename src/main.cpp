// zhijia: one program, server and command line at once (see `zhijia --help`).
#include "cli/commands.h"

int main(int argc, char** argv) { return zj::cli::RunCli(argc, argv); }
