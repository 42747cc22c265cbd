#pragma once
// The CLI's arguments (docs/cli.md): building the CLI11 app and parsing argv, apart from running
// the command. No side effects (nothing printed, nothing written), so that tests and the fuzzer
// (tests/fuzz) drive exactly what main() parses.

#include <optional>
#include <string>
#include <vector>

#include "export_command.h"
#include "fabric/cluster_generator.h"
#include "train_command.h"

inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;

enum class CliCommand { Validate, Analyze, Bom, Generate, Train, Export };

struct CliOptions {
  CliCommand command = CliCommand::Validate;
  std::optional<std::string> user_catalog;
  std::vector<std::string> files;  // validate: one or more; analyze, bom: exactly one
  bool json = false;               // analyze
  bool strict = false;             // validate
  std::string format = "csv";      // bom
  std::string output;              // bom, generate
  cf::ClusterRequest generate;     // generate: the request, its values checked
  TrainOptions train;
  ExportOptions export_options;  // only with CF_HAVE_EXPORT (the CLI built with the ui library)
};

struct CliArgs {
  std::optional<CliOptions> options;  // set: run this command
  int exit_code = 0;                  // otherwise: exit with this after printing `out` and `err`
  std::string out, err;  // help or version (out), a usage error (err), as CLI11 words them
};

CliArgs parse_cli_args(int argc, const char* const* argv);
