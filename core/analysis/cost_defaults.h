#pragma once
// Defaults of the cost and TCO analysis, used when the design's Assumptions leave a value empty.
// Each is explained, with its public source, in docs/methods.md ("Cost and TCO").

namespace cf {

// Hours in a (non-leap) year: 365 x 24.
inline constexpr double kHoursPerYear = 8760.0;

// US average retail price of electricity to industrial customers, 2023: 8.06 cents/kWh
// (EIA, Electric Power Monthly / Annual, as charted by Statista:
// https://www.statista.com/statistics/190680/us-industrial-consumer-price-estimates-for-retail-electricity-since-1970/ ;
// current figures: https://www.eia.gov/electricity/monthly/epm_table_grapher.php?t=epmt_5_06_b).
inline constexpr double kDefaultEnergyUsdPerKwh = 0.0806;

// TCO horizon: 5 years. Hyperscalers depreciate servers over 6 years; theCUBE Research expects AI
// servers to settle on a "more conservative five year" schedule
// (https://thecuberesearch.com/298-breaking-analysis-resetting-gpu-depreciation-why-ai-factories-bend-but-dont-break-useful-life-assumptions).
inline constexpr double kDefaultYears = 5.0;

// Installation and integration as a share of hardware: 0. No public source found gives a figure
// (vendors quote rack-stack-cable services per project), so none is assumed; set
// assumptions.integration_factor to include it (docs/methods.md).
inline constexpr double kDefaultIntegrationFactor = 0.0;

// Cloud rental price to compare with: $2.99 per H100 GPU-hour, Lambda's on-demand H100 price in
// a March 2026 survey of on-demand prices (AWS P5 ~$3.90, GCP A3-High ~$3.00)
// (https://costnimbus.com/article/gpu-cost-management-ml-teams).
inline constexpr double kDefaultCloudUsdPerGpuHour = 2.99;

}  // namespace cf
