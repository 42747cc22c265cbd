// clusterforge-cli: the headless front end. Parses arguments, calls core, prints (docs/cli.md).

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <optional>

#include "analysis/design_report.h"
#include "catalog/catalog_loader.h"
#include "design/validation.h"
#include "fabric/cluster_generator.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "train_command.h"
#ifdef CF_HAVE_EXPORT
#include "export_command.h"
#endif

namespace {

constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::optional<std::string> user_catalog;
  std::vector<std::string> files;
  bool json = false;
  bool strict = false;
  std::string format = "csv";
  std::string output;
  // generate
  std::optional<int> gpus, servers;
  std::string server, network_switch, tiers = "auto", oversubscription = "1", cooling = "air", name;
  int planes = 1, servers_per_rack = 0;
  std::string leaf_placement = "middle";
};

cf::Catalog load_catalog(const Options& o) {
  std::optional<std::filesystem::path> user;
  if (o.user_catalog) user = *o.user_catalog;
  return cf::load_catalog(cf::catalog_folders(user));
}

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
      throw CLI::ValidationError("--oversubscription",
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
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto eq = part.find('=');
    std::string tier = part.substr(0, eq);
    if (eq == std::string::npos || (tier != "leaf" && tier != "spine"))
      throw CLI::ValidationError("--oversubscription",
                                 "expected TIER=R with TIER leaf or spine, got \"" + part + "\"");
    (tier == "leaf" ? req.leaf_oversubscription : req.spine_oversubscription) = number(part.substr(eq + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

int run_generate(const Options& o) {
  cf::Catalog catalog = load_catalog(o);
  cf::ClusterRequest req;
  req.gpus = o.gpus;
  req.servers = o.servers;
  req.server_id = o.server;
  req.switch_id = o.network_switch;
  req.tiers = o.tiers == "auto" ? 0 : std::stoi(o.tiers);
  parse_oversubscription(o.oversubscription, req);
  req.planes = o.planes;
  req.servers_per_rack = o.servers_per_rack;
  req.cooling = o.cooling == "rdhx"     ? cf::CoolingChoice::RearDoor
                : o.cooling == "liquid" ? cf::CoolingChoice::Liquid
                                        : cf::CoolingChoice::Air;
  req.name = o.name;
  req.leaves_at_row_end = o.leaf_placement == "end";
  cf::GeneratedCluster g = cf::generate_cluster(req, catalog);
  cf::save_design(g.design, o.output);
  const cf::ClosPlan& p = g.planes.front();
  cf::DesignSummary s = cf::summarize(g.design, catalog);
  std::cerr << "wrote " << o.output << ": " << s.servers << " servers, " << s.gpus << " GPUs, "
            << p.tiers << " tiers, " << p.leaves << " leaves, " << p.spines << " spines, "
            << p.cores << " cores per plane, " << s.racks << " racks, " << s.links << " links\n";
  for (const auto& note : g.notes) std::cerr << "note: " << note << "\n";
  return 0;
}

int run_validate(const Options& o) {
  cf::Catalog catalog = load_catalog(o);
  int status = 0;
  for (const auto& file : o.files) {
    try {
      cf::Design design = cf::load_design(file);
      auto problems = cf::check_design(design, catalog);
      int errors = 0, warnings = 0;
      for (const auto& p : problems) {
        (p.severity == cf::Severity::Error ? errors : warnings) += 1;
        std::cout << file << ": " << cf::to_string(p.severity) << " [" << p.code << "]"
                  << (p.path.empty() ? "" : " at " + p.path) << ": " << p.message << "\n";
      }
      bool ok = errors == 0 && !(o.strict && warnings > 0);
      std::cout << file << ": " << (ok ? "valid" : "invalid") << " (" << errors << " errors, "
                << warnings << " warnings)\n";
      if (!ok) status = kExitProblems;
    } catch (const cf::LoadError& e) {
      std::cerr << e.what() << "\n";
      status = kExitProblems;
    }
  }
  return status;
}

int run_analyze(const Options& o) {
  cf::Catalog catalog = load_catalog(o);
  cf::Design design = cf::load_design(o.files.front());
  cf::DesignReport report = cf::analyze_design(design, catalog);
  if (o.json)
    std::cout << report.to_json().dump(2) << "\n";
  else
    std::cout << report.to_text();
  return 0;
}

int run_bom(const Options& o) {
  cf::Catalog catalog = load_catalog(o);
  cf::Design design = cf::load_design(o.files.front());
  cf::Bom bom = cf::build_bom(design, catalog);
  std::string text = o.format == "json" ? cf::bom_to_json(bom).dump(2) + "\n"
                     : o.format == "md" ? cf::bom_to_markdown(bom, design.name)
                                        : cf::bom_to_csv(bom);
  if (o.output.empty() || o.output == "-") {
    std::cout << text;
    return 0;
  }
  std::ofstream out(o.output, std::ios::binary);
  if (!out || !(out << text)) {
    std::cerr << o.output << ": cannot write\n";
    return kExitProblems;
  }
  std::cerr << "wrote " << o.output << " (" << bom.lines.size() << " lines)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ClusterForge: design AI-training GPU clusters from the command line.",
               "clusterforge-cli"};
  app.require_subcommand(1);
  // The data folder in the version line: where an installed CLI reads its catalog and models.
  app.set_version_flag("--version", "clusterforge-cli " CF_VERSION " (data: " + cf::resources_dir().string() + ")");
  Options o;
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

  auto* generate = app.add_subcommand(
      "generate", "Generate a cluster design from intent: a rail-optimized Clos fabric, racks, power");
  auto* count = generate->add_option_group("size", "Cluster size (one of)");
  count->add_option("--gpus", o.gpus, "Number of GPUs")->check(CLI::Range(1, 10000000));
  count->add_option("--servers", o.servers, "Number of GPU servers")->check(CLI::Range(1, 10000000));
  count->require_option(1);
  generate->add_option("--server", o.server, "Catalog id of the GPU server")->required();
  generate->add_option("--switch", o.network_switch, "Catalog id of the fabric switch")->required();
  generate->add_option("--tiers", o.tiers, "Switch tiers: 2, 3 or auto (the fewest that reach)")
      ->check(CLI::IsMember({"2", "3", "auto"}));
  generate->add_option("--oversubscription", o.oversubscription,
                       "Downlink:uplink ratio at the leaf (R) or per tier (leaf=R,spine=R)");
  generate->add_option("--planes", o.planes, "Independent fabric planes (NIC ports split among them)")
      ->check(CLI::Range(1, 64));
  generate->add_option("--servers-per-rack", o.servers_per_rack,
                       "Servers per rack (default: as U, weight and the cooling budget allow)")
      ->check(CLI::Range(1, 100));
  generate->add_option("--cooling", o.cooling, "Cooling: air, rdhx (rear door) or liquid")
      ->check(CLI::IsMember({"air", "rdhx", "liquid"}));
  generate->add_option("--leaf-placement", o.leaf_placement,
                       "Where a unit's leaves stand: middle (default) or end of its racks")
      ->check(CLI::IsMember({"middle", "end"}));
  generate->add_option("--name", o.name, "Design name");
  generate->add_option("-o,--output", o.output, "Output design file")->required();

  TrainOptions train_options;
  auto* train = add_train_command(app, train_options);
#ifdef CF_HAVE_EXPORT
  ExportOptions export_options;
  auto* export_cmd = add_export_command(app, export_options);
#endif

  try {
    app.parse(argc, argv);
    if (*generate) {
      cf::ClusterRequest probe;
      parse_oversubscription(o.oversubscription, probe);
    }
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (*validate) return run_validate(o);
    if (*analyze) return run_analyze(o);
    if (*bom) return run_bom(o);
    if (*generate) return run_generate(o);
    if (*train) return run_train(train_options, load_catalog(o));
#ifdef CF_HAVE_EXPORT
    if (*export_cmd) return run_export(export_options, load_catalog(o), argc, argv);
#endif
  } catch (const cf::GenerateError& e) {
    std::cerr << "cannot generate: " << e.what() << "\n";
    return kExitProblems;
  } catch (const cf::LoadError& e) {
    std::cerr << e.what() << "\n";
    return kExitProblems;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitProblems;
  }
  return kExitUsage;
}
