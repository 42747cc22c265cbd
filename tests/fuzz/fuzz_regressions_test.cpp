// The inputs the fuzzers once broke (tests/data/fuzz-regressions/<target>/), replayed through the
// fuzzers' own entry points in every build: each must be refused with the documented error or
// accepted, nothing else (fuzz_entries.h).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entries.h"

namespace {

namespace fs = std::filesystem;

using Entry = bool (*)(std::string_view);

struct Target {
  const char* name;
  Entry entry;
};

const Target kTargets[] = {
    {"design", cf::fuzz::design_input},
    {"catalog", cf::fuzz::catalog_input},
    {"model", cf::fuzz::model_input},
    {"cli_args", cf::fuzz::cli_args_input},
};

std::vector<fs::path> inputs(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ctest lists each target by name, not by its bytes.
void PrintTo(const Target& target, std::ostream* os) { *os << target.name; }

class FuzzRegression : public testing::TestWithParam<Target> {};

TEST_P(FuzzRegression, EveryInputIsRefusedOrAcceptedWithoutAnythingElse) {
  const fs::path folder = fs::path(CF_FUZZ_REGRESSIONS_DIR) / GetParam().name;
  ASSERT_TRUE(fs::is_directory(folder)) << folder;
  for (const fs::path& file : inputs(folder)) {
    SCOPED_TRACE(file.string());
    std::string input = bytes(file);
    EXPECT_NO_THROW(GetParam().entry(input));
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, testing::ValuesIn(kTargets),
                         [](const testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

// The entries themselves tell a refusal from an acceptance: without that, a regression folder of
// inputs that are all silently refused would prove nothing about the code behind the loader.
TEST(FuzzEntries, AcceptTheShippedFilesAndRefuseGarbage) {
  const fs::path source = CF_SOURCE_DIR;
  EXPECT_TRUE(cf::fuzz::design_input(bytes(source / "samples/lab-4x-dgx-h100.cluster.json")));
  EXPECT_FALSE(cf::fuzz::design_input("{\"format\": \"clusterforge-design\", \"version\": 99}"));
  EXPECT_TRUE(cf::fuzz::catalog_input(bytes(source / "tests/data/user-catalog/override.json")));
  EXPECT_FALSE(cf::fuzz::catalog_input("[1, 2"));
  EXPECT_TRUE(cf::fuzz::model_input(bytes(source / "resources/models/llama3-8b.json")));
  EXPECT_FALSE(cf::fuzz::model_input("{\"layers\": -1}"));
  EXPECT_TRUE(cf::fuzz::cli_args_input(std::string("analyze\0x.cluster.json\0--json", 29)));
  EXPECT_FALSE(cf::fuzz::cli_args_input("--help"));
  EXPECT_FALSE(cf::fuzz::cli_args_input(std::string("generate\0--gpus\0-5", 18)));
}

}  // namespace
