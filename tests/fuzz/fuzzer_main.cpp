// A libFuzzer target: CF_FUZZ_ENTRY (one of fuzz_entries.h) on every input
// (tests/fuzz/CMakeLists.txt).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cf::fuzz::CF_FUZZ_ENTRY(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
