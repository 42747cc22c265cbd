#pragma once
// The sections of the design report, one builder each (internal to core/export/report_*.cpp).

#include <string>
#include <vector>

#include "export/report_content.h"
#include "io/bom.h"

namespace cf::report {

// A table with its columns; `numeric` names the right-aligned ones by index.
ReportTable table(std::string caption, std::vector<std::string> header, std::vector<int> numeric_columns);
// `rows` rows of `total` were shown: the note that says so (empty when all were).
std::string capped_note(std::size_t shown, std::size_t total, const std::string& what, const std::string& order);
// `text` ending with a full stop (messages from the analyses come without one).
std::string sentence(std::string text);
// A figure, or kUnknownText.
std::string or_unknown(const std::optional<double>& value, std::string (*format)(double));

ReportSection summary_section(const Design& design, const DesignReport& report,
                              const std::vector<ScenarioProjection>& scenarios);
ReportSection bom_section(const Bom& bom, const CostReport& cost);
ReportSection power_section(const DesignReport& report, const ReportOptions& options);
ReportSection network_section(const DesignReport& report);
ReportSection training_section(const std::vector<ScenarioProjection>& scenarios);
ReportSection problems_section(const std::vector<Problem>& problems, const ReportOptions& options);
ReportSection assumptions_section(const Design& design, const Catalog& catalog, const DesignReport& report,
                                  const Bom& bom, const std::vector<ScenarioProjection>& scenarios);

}  // namespace cf::report
