#pragma once
// The design report as a structured document, built from core results only: sections with
// paragraphs, label/value facts, tables of already formatted text (units included) and the ids of
// the charts a renderer draws. Every figure comes from the DesignReport, the bill of materials or
// the scenario projections handed in; nothing here is computed anew. Rendering (HTML, PDF) is
// the UI's job (ui/export/report_export.h).

#include <string>
#include <utility>
#include <vector>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "training/scenario_projection.h"

namespace cf {

struct ReportTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // formatted text, one cell per header column
  std::vector<bool> numeric;                   // per column: right-aligned figures
  std::string note;                            // under the table (e.g. "first 40 of 512 racks")
};

struct ReportSection {
  std::string id;  // stable anchor: "summary", "bom", "power", "network", "training", ...
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value (with its unit)
  std::vector<ReportTable> tables;
  // Charts the renderer draws after the facts: "power-by-category", "rack-power", "cost",
  // "step-time:<scenario id>", "scaling:<scenario id>".
  std::vector<std::string> charts;
  std::vector<ReportSection> subsections;
};

struct ReportContent {
  std::string title, subtitle;
  std::vector<ReportSection> sections;
};

struct ReportOptions {
  std::string file;  // the design's file name, for the subtitle (may be empty)
  std::string date;  // given by the caller (e.g. "2025-06-01"), for the subtitle
  int max_table_rows = 40;     // longer per-rack and per-feed tables show the most loaded and say so
  int max_problem_rows = 200;  // the Problems table likewise (errors first)
};

// `report` is analyze_design(design, catalog) and `scenarios` project_scenarios() of the same.
ReportContent build_report_content(const Design& design, const Catalog& catalog, const DesignReport& report,
                                   const std::vector<ScenarioProjection>& scenarios,
                                   const ReportOptions& options = {});

// The chart ids of the training projection of one scenario.
std::string step_time_chart_id(const std::string& scenario_id);
std::string scaling_chart_id(const std::string& scenario_id);

}  // namespace cf
