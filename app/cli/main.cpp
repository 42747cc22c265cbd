// clusterforge-cli: the headless front end. Parses arguments (cli_args), calls core, prints
// (docs/cli.md).

#include <fstream>
#include <iostream>
#include <optional>

#include "analysis/design_report.h"
#include "catalog/catalog_loader.h"
#include "cli_args.h"
#include "design/validation.h"
#include "fabric/cluster_generator.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/resources.h"

namespace {

cf::Catalog load_catalog(const CliOptions& o) {
  std::optional<std::filesystem::path> user;
  if (o.user_catalog) user = *o.user_catalog;
  return cf::load_catalog(cf::catalog_folders(user));
}

int run_generate(const CliOptions& o) {
  cf::Catalog catalog = load_catalog(o);
  cf::GeneratedCluster g = cf::generate_cluster(o.generate, catalog);
  cf::save_design(g.design, o.output);
  const cf::ClosPlan& p = g.planes.front();
  cf::DesignSummary s = cf::summarize(g.design, catalog);
  std::cerr << "wrote " << o.output << ": " << s.servers << " servers, " << s.gpus << " GPUs, "
            << p.tiers << " tiers, " << p.leaves << " leaves, " << p.spines << " spines, "
            << p.cores << " cores per plane, " << s.racks << " racks, " << s.links << " links\n";
  for (const auto& note : g.notes) std::cerr << "note: " << note << "\n";
  return 0;
}

int run_validate(const CliOptions& o) {
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

int run_analyze(const CliOptions& o) {
  cf::Catalog catalog = load_catalog(o);
  cf::Design design = cf::load_design(o.files.front());
  cf::DesignReport report = cf::analyze_design(design, catalog);
  if (o.json)
    std::cout << report.to_json().dump(2) << "\n";
  else
    std::cout << report.to_text();
  return 0;
}

int run_bom(const CliOptions& o) {
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
  CliArgs args = parse_cli_args(argc, argv);
  std::cout << args.out;
  std::cerr << args.err;
  if (!args.options) return args.exit_code;
  const CliOptions& o = *args.options;

  try {
    switch (o.command) {
      case CliCommand::Validate: return run_validate(o);
      case CliCommand::Analyze: return run_analyze(o);
      case CliCommand::Bom: return run_bom(o);
      case CliCommand::Generate: return run_generate(o);
      case CliCommand::Train: return run_train(o.train, load_catalog(o));
      case CliCommand::Export:
#ifdef CF_HAVE_EXPORT
        return run_export(o.export_options, load_catalog(o), argc, argv);
#else
        break;  // not parsed without the ui library
#endif
    }
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
