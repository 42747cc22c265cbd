#pragma once
// `clusterforge-cli export`: BOM, diagrams, report and topology files of a design (docs/cli.md).

#include <CLI/CLI.hpp>
#include <string>

#include "catalog/catalog.h"

struct ExportOptions {
  std::string file, format, view, output, fabric;
  int global_batch = 0;
};

CLI::App* add_export_command(CLI::App& app, ExportOptions& o);
// 0: written; 1: the export failed (nothing written); 2: a format/view combination that makes no sense.
int run_export(const ExportOptions& o, const cf::Catalog& catalog, int argc, char** argv);
