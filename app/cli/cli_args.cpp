#include "cli_args.h"

#include <CLI/CLI.hpp>
#include <initializer_list>
#include <sstream>

#include "io/resources.h"

namespace {

// "2" or "leaf=2,spine=1" into the request; throws CLI::ValidationError on anything else.
void parse_oversubscription(const std::string& text, cf::ClusterRequest& req) {
  auto number = [&](const std::string& v) {
    std::size_t used = 0;
    double r = 0;
    try {
      r = std::stod(v, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != v.size() || !(r >= 0.1 && r <= 100))
      throw CLI::ValidationError(
          "--oversubscription",
          "expected a ratio from 0.1 to 100 such as 2 or leaf=2,spine=1, got \"" + v + "\"");
    return r;
  };
  if (text.find('=') == std::string::npos) {
    req.leaf_oversubscription = number(text);
    return;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto eq = part.find('=');
    std::string tier = part.substr(0, eq);
    if (eq == std::string::npos || (tier != "leaf" && tier != "spine"))
      throw CLI::ValidationError("--oversubscription",
                                 "expected TIER=R with TIER leaf or spine, got \"" + part + "\"");
    (tier == "leaf" ? req.leaf_oversubscription : req.spine_oversubscription) =
        number(part.substr(eq + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

constexpr const char* kSizeGroup = "Cluster size (exactly one of)";

// Exactly one of these options of `cmd` was given; throws CLI11's own RequiredError. Not a CLI11
// option group: CLI11 2.1 (Debian 12) takes an empty argument for the nameless group's name and
// then parses forever (tests/data/fuzz-regressions/cli_args/empty-argument-in-generate).
void require_one_of(const CLI::App& cmd, std::initializer_list<const char*> names) {
  std::size_t used = 0;
  std::string list;
  for (const char* name : names) {
    used += cmd.get_option(name)->count() > 0 ? 1 : 0;
    list += (list.empty() ? "" : ",") + std::string(name);
  }
  if (used != 1) throw CLI::RequiredError::Option(1, 1, used, list);
}

// generate's choices that are words on the command line.
struct GenerateWords {
  std::string tiers = "auto", oversubscription = "1", cooling = "air", leaf_placement = "middle";
};

void add_generate_command(CLI::App& app, CliOptions& o, GenerateWords& w, CLI::App*& cmd) {
  cf::ClusterRequest& r = o.generate;
  cmd = app.add_subcommand(
      "generate",
      "Generate a cluster design from intent: a rail-optimized Clos fabric, racks, power");
  // Exactly one of the two: require_one_of() after parsing.
  cmd->add_option("--gpus", r.gpus, "Number of GPUs")
      ->check(CLI::Range(1, 10000000))
      ->group(kSizeGroup);
  cmd->add_option("--servers", r.servers, "Number of GPU servers")
      ->check(CLI::Range(1, 10000000))
      ->group(kSizeGroup);
  cmd->add_option("--server", r.server_id, "Catalog id of the GPU server")->required();
  cmd->add_option("--switch", r.switch_id, "Catalog id of the fabric switch")->required();
  cmd->add_option("--tiers", w.tiers, "Switch tiers: 2, 3 or auto (the fewest that reach)")
      ->check(CLI::IsMember({"2", "3", "auto"}));
  cmd->add_option("--oversubscription", w.oversubscription,
                  "Downlink:uplink ratio at the leaf (R) or per tier (leaf=R,spine=R)");
  cmd->add_option("--planes", r.planes, "Independent fabric planes (NIC ports split among them)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--servers-per-rack", r.servers_per_rack,
                  "Servers per rack (default: as U, weight and the cooling budget allow)")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--cooling", w.cooling, "Cooling: air, rdhx (rear door) or liquid")
      ->check(CLI::IsMember({"air", "rdhx", "liquid"}));
  cmd->add_option("--leaf-placement", w.leaf_placement,
                  "Where a unit's leaves stand: middle (default) or end of its racks")
      ->check(CLI::IsMember({"middle", "end"}));
  cmd->add_option("--name", r.name, "Design name");
  cmd->add_option("-o,--output", o.output, "Output design file")->required();
}

// The words, already checked by CLI11, into the request; throws CLI::ValidationError.
void finish_generate(const GenerateWords& w, cf::ClusterRequest& r) {
  r.tiers = w.tiers == "auto" ? 0 : std::stoi(w.tiers);
  parse_oversubscription(w.oversubscription, r);
  r.cooling = w.cooling == "rdhx"     ? cf::CoolingChoice::RearDoor
              : w.cooling == "liquid" ? cf::CoolingChoice::Liquid
                                      : cf::CoolingChoice::Air;
  r.leaves_at_row_end = w.leaf_placement == "end";
}

}  // namespace

CliArgs parse_cli_args(int argc, const char* const* argv) {
  CLI::App app{"ClusterForge: design AI-training GPU clusters from the command line.",
               "clusterforge-cli"};
  app.require_subcommand(1);
  // The data folder in the version line: where an installed CLI reads its catalog and models.
  app.set_version_flag(
      "--version", "clusterforge-cli " CF_VERSION " (data: " + cf::resources_dir().string() + ")");
  CliOptions o;
  app.add_option("--user-catalog", o.user_catalog,
                 "Folder of catalog files that add or override entries (docs/catalog.md)")
      ->check(CLI::ExistingDirectory);

  auto* validate = app.add_subcommand("validate", "Check designs; exit 0 when all are valid");
  validate->add_option("FILE", o.files, "Design files (*.cluster.json)")->required();
  validate->add_flag("--strict", o.strict, "Treat warnings as failures");

  auto* analyze = app.add_subcommand("analyze", "Print the analysis summary of a design");
  analyze->add_option("FILE", o.files, "Design file")->required()->expected(1);
  analyze->add_flag("--json", o.json, "Print JSON with stable keys (docs/cli.md)");

  auto* bom = app.add_subcommand("bom", "Write the bill of materials of a design");
  bom->add_option("FILE", o.files, "Design file")->required()->expected(1);
  bom->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"csv", "json", "md"}))
      ->default_str("csv");
  bom->add_option("-o,--output", o.output, "Output file (default: standard output)");

  GenerateWords words;
  CLI::App* generate = nullptr;
  add_generate_command(app, o, words, generate);

  auto* train = add_train_command(app, o.train);
#ifdef CF_HAVE_EXPORT
  auto* export_cmd = add_export_command(app, o.export_options);
#endif

  CliArgs result;
  std::ostringstream out, err;
  try {
    app.parse(argc, argv);
    if (*generate) {
      require_one_of(*generate, {"--gpus", "--servers"});
      finish_generate(words, o.generate);
    }
    if (*train) require_one_of(*train, {"--model", "--model-file"});
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0 (CLI11's code); every other parse error is a usage error.
    int code = app.exit(e, out, err);
    bool informational = dynamic_cast<const CLI::CallForHelp*>(&e) ||
                         dynamic_cast<const CLI::CallForAllHelp*>(&e) ||
                         dynamic_cast<const CLI::CallForVersion*>(&e);
    result.exit_code = informational ? code : kExitUsage;
    result.out = out.str();
    result.err = err.str();
    return result;
  }

  if (*validate)
    o.command = CliCommand::Validate;
  else if (*analyze)
    o.command = CliCommand::Analyze;
  else if (*bom)
    o.command = CliCommand::Bom;
  else if (*generate)
    o.command = CliCommand::Generate;
  else if (*train)
    o.command = CliCommand::Train;
#ifdef CF_HAVE_EXPORT
  else if (*export_cmd)
    o.command = CliCommand::Export;
#endif
  else {
    result.exit_code = kExitUsage;  // unreachable: CLI11 requires one subcommand
    return result;
  }
  result.options = std::move(o);
  return result;
}
