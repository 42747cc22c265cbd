// clusterforge-cli: the headless front end. Parses arguments, calls core, prints (docs/cli.md).

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <optional>

#include "analysis/summary.h"
#include "catalog/catalog_loader.h"
#include "design/validation.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/resources.h"

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
};

cf::Catalog load_catalog(const Options& o) {
  std::optional<std::filesystem::path> user;
  if (o.user_catalog) user = *o.user_catalog;
  return cf::load_catalog(cf::catalog_folders(user));
}

int run_validate(const Options& o) {
  cf::Catalog catalog = load_catalog(o);
  int status = 0;
  for (const auto& file : o.files) {
    try {
      cf::Design design = cf::load_design(file);
      auto problems = cf::validate(design, catalog);
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
  cf::DesignSummary summary = cf::summarize(design, catalog);
  if (o.json)
    std::cout << summary.to_json().dump(2) << "\n";
  else
    std::cout << summary.to_text();
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
  app.set_version_flag("--version", "clusterforge-cli 0.1.0");
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

  try {
    app.parse(argc, argv);
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
  } catch (const cf::LoadError& e) {
    std::cerr << e.what() << "\n";
    return kExitProblems;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitProblems;
  }
  return kExitUsage;
}
