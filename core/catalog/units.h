#pragma once
// Unit sizes in SI base units. Catalog files state units in their key names (`_gbps`, `_gbytes_s`,
// `_kw` ...); these constants convert them once, at load time. Storage is always SI: watts, bits
// per second for links, bytes per second for memory, bytes, metres, kilograms, FLOP/s.

namespace cf::units {

inline constexpr double kBitsPerByte = 8.0;

inline constexpr double kGigabitPerSecond = 1e9;               // Gb/s -> bit/s
inline constexpr double kGigabytePerSecondInBits = 8e9;        // GB/s -> bit/s
inline constexpr double kTerabytePerSecond = 1e12;             // TB/s -> byte/s
inline constexpr double kGigabyte = 1e9;                       // GB (decimal) -> bytes
inline constexpr double kTerabyte = 1e12;                      // TB (decimal) -> bytes
inline constexpr double kKilowatt = 1e3;                       // kW -> W
inline constexpr double kMillimetre = 1e-3;                    // mm -> m
inline constexpr double kTeraflops = 1e12;                     // TFLOP/s -> FLOP/s
inline constexpr double kBidirectionalToPerDirection = 0.5;    // "bidir" sums both directions
inline constexpr double kWattsToBtuPerHour = 3.412141633;      // 1 W = 3.412 BTU/h
inline constexpr double kRackUnit_m = 0.04445;                 // EIA-310: 1U = 1.75 in

}  // namespace cf::units
