// `clusterforge-cli export`: every format writes its output, the topology files are read by
// Graphviz itself, the report projects scenarios when given a batch, and bad requests (a view the
// format has not, an unwritable output) exit with one clear error and write nothing.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.h"

namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("cf-export-cli-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Case {
  const char* args;
  const char* file;
  const char* starts_with;  // the format's signature
};

TEST(CliExport, EveryFormatWritesItsFile) {
  const fs::path dir = scratch("formats");
  const Case cases[] = {
      {"--format svg --view racks", "racks.svg", "<?xml"},
      {"--format svg --view floor", "floor.svg", "<?xml"},
      {"--format svg --view topology", "topology.svg", "<?xml"},
      {"--format png --view floor", "floor.png", "\x89PNG"},
      {"--format pdf --view racks", "racks.pdf", "%PDF"},
      {"--format pdf --view diagrams", "diagrams.pdf", "%PDF"},
      {"--format pdf", "report.pdf", "%PDF"},
      {"--format html", "report.html", "<!DOCTYPE html>"},
      {"--format dot", "topology.dot", "//"},
      {"--format drawio", "topology.drawio", "<?xml"},
      {"--format xlsx", "bom.xlsx", "PK"},
      {"--format csv", "bom.csv", "category,catalog_id,"},
      {"--format json", "bom.json", "{"},
      {"--format md", "bom.md", "#"},
  };
  for (const Case& c : cases) {
    const fs::path out = dir / c.file;
    CliRun r = cli("export " + sample("lab-4x-dgx-h100") + " " + c.args + " -o " + out.string());
    EXPECT_EQ(r.status, 0) << c.args << ": " << r.output;
    EXPECT_NE(r.output.find("wrote " + out.string()), std::string::npos) << r.output;
    EXPECT_EQ(read(out).rfind(c.starts_with, 0), 0u) << c.args << " wrote " << read(out).substr(0, 40);
  }
}

TEST(CliExport, GraphvizReadsTheDotOfEverySample) {
  const fs::path dir = scratch("dot");
  for (const char* name : {"lab-4x-dgx-h100", "dgx-h100-superpod-4su", "mi300x-1024"}) {
    const fs::path out = dir / (std::string(name) + ".dot");
    ASSERT_EQ(cli("export " + sample(name) + " --format dot -o " + out.string()).status, 0);
    // `dot -Tplain` prints "graph", then one "node" line per node and one "edge" line per edge.
    FILE* p = popen(("dot -Tplain " + out.string() + " 2>&1").c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string plain;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) plain.append(buf, n);
    EXPECT_EQ(pclose(p), 0) << name << ": " << plain.substr(0, 400);
    EXPECT_GT(count(plain, "\nnode "), 1) << name;
    EXPECT_GT(count(plain, "\nedge "), 0) << name;
  }
}

TEST(CliExport, NetBoxFilesHaveOneCableRowPerLink) {
  const fs::path dir = scratch("netbox") / "import";
  ASSERT_EQ(cli("export " + sample("lab-4x-dgx-h100") + " --format netbox-csv -o " + dir.string()).status, 0);
  // The lab sample wires 4 DGX H100 × 8 compute ports to its leaf: 32 links, 32 cables.
  EXPECT_EQ(count(read(dir / "08-cables.csv"), "\n"), 1 + 32);
  EXPECT_TRUE(fs::exists(dir / "README.txt"));
}

TEST(CliExport, TheReportProjectsScenariosWhenGivenABatch) {
  // Llama 3 8B publishes no global batch: without one the report says why there is no projection
  // (three charts: power, racks, cost); with one it adds the step time and scaling charts.
  const fs::path dir = scratch("report");
  ASSERT_EQ(cli("export " + sample("lab-4x-dgx-h100") + " --format html -o " + (dir / "a.html").string()).status, 0);
  ASSERT_EQ(cli("export " + sample("lab-4x-dgx-h100") + " --format html --global-batch 256 -o " +
                (dir / "b.html").string())
                .status,
            0);
  const std::string without = read(dir / "a.html"), with = read(dir / "b.html");
  EXPECT_NE(without.find("no published global batch"), std::string::npos);
  EXPECT_EQ(count(with, "<svg") - count(without, "<svg"), 2);
  EXPECT_NE(with.find("MFU"), std::string::npos);
}

TEST(CliExport, AViewTheFormatHasNotIsAUsageError) {
  const fs::path out = scratch("usage") / "bom.xlsx";
  CliRun r = cli("export " + sample("lab-4x-dgx-h100") + " --format xlsx --view racks -o " + out.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("--view racks does not apply to xlsx"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
  r = cli("export " + sample("lab-4x-dgx-h100") + " --format dot --view floor -o " + out.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("(use topology)"), std::string::npos) << r.output;
}

TEST(CliExport, AnUnwritableOutputFailsAndWritesNothing) {
  const fs::path dir = scratch("unwritable");
  for (const char* format : {"svg", "pdf", "html", "xlsx", "dot", "csv"}) {
    const fs::path out = dir / "missing-folder" / (std::string("out.") + format);
    CliRun r = cli("export " + sample("lab-4x-dgx-h100") + " --format " + format + " -o " + out.string());
    EXPECT_EQ(r.status, 1) << format << ": " << r.output;
    EXPECT_NE(r.output.find("cannot export: " + out.string()), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "missing-folder")) << format;
  }
}

TEST(CliExport, AnUnknownFabricIsNamedInTheError) {
  const fs::path out = scratch("fabric") / "t.svg";
  CliRun r = cli("export " + sample("lab-4x-dgx-h100") + " --format svg --view topology --fabric nope -o " +
                 out.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("nope"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
