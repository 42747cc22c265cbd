// The topology exports for other tools (export/dot_export.h, export/drawio_export.h) read back by
// independent parsers: Graphviz itself (`dot -Tplain`) for DOT, Python's xml.etree for draw.io,
// against the layout the topology view draws and hand-counted answers for the lab sample.

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/design_report.h"
#include "analysis/topology_layout.h"
#include "command_support.h"
#include "export/drawio_export.h"
#include "export/dot_export.h"
#include "export/export_error.h"
#include "export/topology_export.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

Design sample(const std::string& name) {
  return load_design(test::kSourceDir / "samples" / (name + ".cluster.json"));
}

// `dot -Tplain` of a DOT text: nodes, edges, and how Graphviz read their attributes.
struct PlainNode {
  std::string name, label, style, color, fill;
};
struct PlainEdge {
  std::string tail, head, label, style, color;
};
struct Plain {
  int status = -1;
  std::string output;
  std::vector<PlainNode> nodes;
  std::vector<PlainEdge> edges;
};

// Splits a plain-format line: bare words and "double-quoted strings" (with \" inside; a label's
// line breaks stay the two characters \n).
std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    std::string t;
    if (line[i] == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) ++i;
        t += line[i];
      }
      ++i;
    } else {
      while (i < line.size() && line[i] != ' ') t += line[i++];
    }
    out.push_back(t);
  }
  return out;
}

Plain run_dot(const std::string& dot_text, const std::string& name) {
  const auto file = test::temp_dir("dot-" + name) / "topology.dot";
  test::write_text(file, dot_text);
  Plain p;
  const test::CommandRun r = test::run_command("dot -Tplain " + test::shell_quote(file.string()) + " 2>&1");
  p.status = r.status;
  p.output = r.output;
  std::istringstream in(r.output);
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> t = tokens(line);
    if (t.empty()) continue;
    if (t[0] == "node" && t.size() >= 11) {
      p.nodes.push_back({t[1], t[6], t[7], t[9], t[10]});
    } else if (t[0] == "edge" && t.size() >= 6) {
      // edge tail head n x1 y1 ... xn yn [label xl yl] style color
      const std::size_t points = std::stoul(t[3]);
      const std::size_t after = 4 + 2 * points;
      PlainEdge e{t[1], t[2], {}, t[t.size() - 2], t.back()};
      if (t.size() == after + 5) e.label = t[after];
      p.edges.push_back(e);
    }
  }
  return p;
}

bool layout_node(const std::string& name) { return std::regex_match(name, std::regex(R"((f\d+_)?n\d+)")); }

// The lab: four DGX H100 on one QM9700 leaf, eight 400G links each (samples/lab-4x-dgx-h100).
TEST(DotExport, LabSampleIsOneLeafOverFourServersAsGraphvizReadsIt) {
  const Catalog& c = test::installed_catalog();
  const Design d = sample("lab-4x-dgx-h100");
  const Plain p = run_dot(fabric_to_dot(d, c, analyze_design(d, c)), "lab");
  ASSERT_EQ(p.status, 0) << p.output;
  std::map<std::string, PlainNode> nodes;
  for (const PlainNode& n : p.nodes)
    if (layout_node(n.name)) nodes[n.label.substr(0, n.label.find("\\n"))] = n;
  ASSERT_EQ(nodes.size(), 5u);
  // Okabe-Ito blue for the servers; the leaves the switch orange lightened, as the view fills them.
  for (const char* server : {"dgx-01", "dgx-02", "dgx-03", "dgx-04"}) {
    ASSERT_TRUE(nodes.count(server)) << server;
    EXPECT_EQ(nodes[server].fill, "#0072b2");
    EXPECT_NE(nodes[server].label.find("DGX H100"), std::string::npos) << nodes[server].label;
    EXPECT_NE(nodes[server].label.find("8 GPUs"), std::string::npos) << nodes[server].label;
  }
  ASSERT_TRUE(nodes.count("leaf-01"));
  EXPECT_EQ(nodes["leaf-01"].fill, "#ffba20");
  EXPECT_NE(nodes["leaf-01"].label.find("QM9700"), std::string::npos);
  EXPECT_NE(nodes["leaf-01"].label.find("32 GPUs"), std::string::npos);

  int edges = 0, dashed = 0;
  for (const PlainEdge& e : p.edges) {
    if (!layout_node(e.tail) || !layout_node(e.head)) continue;
    ++edges;
    EXPECT_EQ(e.label, "8 \u00d7 400 Gb/s");
    dashed += e.style == "dashed";
  }
  EXPECT_EQ(edges, 4);
  // The minimum bisection splits the servers two and two: the cut is the 16 links of one half
  // (2 × 8 × 400 Gb/s = 6.4 Tb/s), two of the four edges.
  EXPECT_EQ(dashed, 2);
}

// The 4-SU SuperPOD: a larger layout with grouped tiers and a minimum cut; Graphviz reads it and
// finds every node and edge of the layout, the cut's edges dashed.
TEST(DotExport, SuperPodMatchesTheLayoutNodeForNodeAndTheCutIsDashed) {
  const Catalog& c = test::installed_catalog();
  const Design d = sample("dgx-h100-superpod-4su");
  const DesignReport report = analyze_design(d, c);
  const ExportedTopology t = export_topology(d, c, report, export_fabric(d, {}, "test"));
  const Plain p = run_dot(fabric_to_dot(d, c, report), "superpod");
  ASSERT_EQ(p.status, 0) << p.output.substr(0, 2000);
  EXPECT_EQ(p.output.find("Warning"), std::string::npos) << p.output.substr(0, 2000);

  std::size_t nodes = 0, edges = 0, dashed = 0, cut_edges = 0;
  for (const PlainNode& n : p.nodes) nodes += layout_node(n.name);
  for (const PlainEdge& e : p.edges) {
    if (!layout_node(e.tail) || !layout_node(e.head)) continue;
    ++edges;
    if (e.style == "dashed") ++dashed;
  }
  for (const TopologyEdge& e : t.layout.edges) cut_edges += e.in_cut();
  EXPECT_EQ(nodes, t.layout.nodes.size());
  EXPECT_EQ(edges, t.layout.edges.size());
  ASSERT_GT(cut_edges, 0u);
  EXPECT_EQ(dashed, cut_edges);
  // One rank per tier: Graphviz puts every node of a tier at one height.
  std::map<std::string, double> y_of;
  for (const std::string& line : [&] {
         std::vector<std::string> lines;
         std::istringstream in(p.output);
         for (std::string l; std::getline(in, l);) lines.push_back(l);
         return lines;
       }()) {
    const auto tk = tokens(line);
    if (tk.size() > 3 && tk[0] == "node") y_of[tk[1]] = std::stod(tk[3]);
  }
  for (const TopologyTier& tier : t.layout.tiers)
    for (int n : tier.nodes)
      EXPECT_DOUBLE_EQ(y_of["n" + std::to_string(n)], y_of["n" + std::to_string(tier.nodes.front())]);
}

TEST(DotExport, EverySampleIsReadByGraphvizWithTheLayoutsNodesAndEdges) {
  const Catalog& c = test::installed_catalog();
  for (const char* name : {"lab-4x-dgx-h100", "dgx-h100-superpod-4su", "mi300x-1024"}) {
    const Design d = sample(name);
    const DesignReport report = analyze_design(d, c);
    const ExportedTopology t = export_topology(d, c, report, export_fabric(d, {}, "test"));
    const Plain p = run_dot(fabrics_to_dot(d, c, report), std::string("every-") + name);
    ASSERT_EQ(p.status, 0) << name << ": " << p.output.substr(0, 2000);
    std::size_t nodes = 0, edges = 0;
    for (const PlainNode& n : p.nodes) nodes += layout_node(n.name);
    for (const PlainEdge& e : p.edges) edges += layout_node(e.tail) && layout_node(e.head);
    EXPECT_EQ(nodes, t.layout.nodes.size()) << name;
    EXPECT_EQ(edges, t.layout.edges.size()) << name;
  }
}

TEST(DotExport, AllFabricsAreClustersOfOneGraph) {
  const Catalog& c = test::installed_catalog();
  Design d = sample("lab-4x-dgx-h100");
  // A second compute fabric with the same wiring's worth of nothing: drawn as its note.
  d.fabrics.push_back({"spare", "Spare \"B\" fabric", FabricKind::Compute, std::nullopt, {}});
  const Plain p = run_dot(fabrics_to_dot(d, c, analyze_design(d, c)), "all");
  ASSERT_EQ(p.status, 0) << p.output;
  int first = 0, empty = 0;
  for (const PlainNode& n : p.nodes) {
    first += n.name.rfind("f0_n", 0) == 0;
    empty += n.name == "f1_empty";
  }
  EXPECT_EQ(first, 5);
  EXPECT_EQ(empty, 1);
}

TEST(DotExport, NamesWithQuotesBackslashesAndLineBreaksStayInTheirStrings) {
  EXPECT_EQ(dot_quote("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\"");
  const Catalog& c = test::installed_catalog();
  Design d = sample("lab-4x-dgx-h100");
  d.name = "Lab \"42\" \\ test\n";
  d.fabrics[0].name = "Fabric \"x\" {y} -> z\\";
  const std::string dot = fabric_to_dot(d, c, analyze_design(d, c));
  const Plain p = run_dot(dot, "escape");
  EXPECT_EQ(p.status, 0) << p.output;
  EXPECT_EQ(p.output.find("syntax error"), std::string::npos) << p.output;
  EXPECT_EQ(p.edges.size(), 4u + 1u);  // the four server-leaf edges and the invisible tier chain
}

TEST(TopologyExport, LongModelsWrapAtSpaces) {
  EXPECT_EQ(wrap_words("Quantum-2 QM9700 (managed; QM9790 unmanaged) NDR InfiniBand", 24),
            "Quantum-2 QM9700\n(managed; QM9790\nunmanaged) NDR\nInfiniBand");
  EXPECT_EQ(wrap_words("DGX H100", 24), "DGX H100");
  EXPECT_EQ(wrap_words("a-very-long-single-word-model", 10), "a-very-long-single-word-model");
  EXPECT_EQ(wrap_words("", 10), "");
}

TEST(TopologyExport, NoComputeFabricOrAnUnknownOneIsAnExportError) {
  const Catalog& c = test::installed_catalog();
  Design d = sample("lab-4x-dgx-h100");
  const DesignReport report = analyze_design(d, c);
  EXPECT_THROW(fabric_to_dot(d, c, report, "nope"), ExportError);
  EXPECT_THROW(fabric_to_drawio(d, c, report, "nope"), ExportError);
  d.fabrics.clear();
  EXPECT_THROW(fabric_to_dot(d, c, report), ExportError);
  EXPECT_THROW(fabrics_to_drawio(d, c, report), ExportError);
}

// draw.io: Python's XML parser reads the file; the script prints what it finds.
constexpr const char* kDrawioCheck = R"PY(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'mxfile', root.tag
for diagram in root.findall('diagram'):
    cells = {}
    dup = 0
    for el in diagram.iter():
        if el.tag in ('mxCell', 'UserObject') and 'id' in el.attrib:
            dup += el.attrib['id'] in cells
            cells[el.attrib['id']] = el
    vertices = edges = dangling = cut = 0
    for obj in diagram.iter('UserObject'):
        cell = obj.find('mxCell')
        if cell.get('vertex') == '1': vertices += 1
        if cell.get('edge') == '1':
            edges += 1
            for end in ('source', 'target'):
                if cell.get(end) not in cells or cells[cell.get(end)].tag != 'UserObject': dangling += 1
            cut += 'dashed=1' in cell.get('style')
    print('page', vertices, edges, dup, dangling, cut, diagram.get('name'), sep='\t')
    for obj in diagram.iter('UserObject'):
        if obj.find('mxCell').get('vertex') == '1':
            g = obj.find('mxCell/mxGeometry')
            print('node', obj.get('id'), g.get('x'), g.get('y'), obj.get('label').replace('\n', '|'), sep='\t')
)PY";

struct DrawioPage {
  std::string name;
  int vertices = 0, edges = 0, duplicate_ids = 0, dangling = 0, cut = 0;
  std::map<std::string, std::pair<double, double>> positions;  // node id -> x, y
  std::map<std::string, std::string> labels;
};

std::vector<DrawioPage> read_drawio(const std::string& xml, const std::string& name, std::string* output) {
  const auto dir = test::temp_dir("drawio-" + name);
  test::write_text(dir / "topology.drawio", xml);
  test::write_text(dir / "check.py", kDrawioCheck);
  const test::CommandRun r = test::run_command("python3 " + test::shell_quote((dir / "check.py").string()) + " " +
                                               test::shell_quote((dir / "topology.drawio").string()) + " 2>&1");
  *output = r.output;
  std::vector<DrawioPage> pages;
  if (r.status != 0) return pages;
  std::istringstream in(r.output);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream l(line);
    for (std::string field; std::getline(l, field, '\t');) f.push_back(field);
    if (f.size() == 5 && f[0] == "node" && !pages.empty()) {
      pages.back().positions[f[1]] = {std::stod(f[2]), std::stod(f[3])};
      pages.back().labels[f[1]] = f[4];
    } else if (f.size() == 7 && f[0] == "page") {
      DrawioPage p;
      p.vertices = std::stoi(f[1]);
      p.edges = std::stoi(f[2]);
      p.duplicate_ids = std::stoi(f[3]);
      p.dangling = std::stoi(f[4]);
      p.cut = std::stoi(f[5]);
      p.name = f[6];
      pages.push_back(p);
    }
  }
  return pages;
}

TEST(DrawioExport, LabSampleOpensAsOnePageWithTheViewsNodesAndEdges) {
  const Catalog& c = test::installed_catalog();
  const Design d = sample("lab-4x-dgx-h100");
  const DesignReport report = analyze_design(d, c);
  std::string output;
  const std::vector<DrawioPage> pages = read_drawio(fabric_to_drawio(d, c, report), "lab", &output);
  ASSERT_EQ(pages.size(), 1u) << output;
  const DrawioPage& p = pages.front();
  EXPECT_EQ(p.name, "Compute");
  EXPECT_EQ(p.vertices, 5);
  EXPECT_EQ(p.edges, 4);
  EXPECT_EQ(p.duplicate_ids, 0);
  EXPECT_EQ(p.dangling, 0);
  // Placed as the view places them: the leaf alone on the top row, centred over the 900 px
  // minimum width; the four servers one tier gap below (0.4 × 900 px for one gap: 360 px), at
  // 900/4 px pitch.
  const ExportedTopology t = export_topology(d, c, report, export_fabric(d, {}, "test"));
  for (std::size_t n = 0; n < t.layout.nodes.size(); ++n) {
    const std::string id = "node-" + std::to_string(n);
    ASSERT_TRUE(p.positions.count(id)) << id;
    const bool leaf = t.layout.nodes[n].label == "leaf-01";
    EXPECT_DOUBLE_EQ(p.positions.at(id).second, leaf ? 0.0 : 360.0) << id;
    if (leaf) { EXPECT_DOUBLE_EQ(p.positions.at(id).first, 450.0 - 75.0); }
  }
  std::set<double> server_x;
  for (const auto& [id, xy] : p.positions)
    if (xy.second == 360.0) server_x.insert(xy.first);
  EXPECT_EQ(server_x, (std::set<double>{112.5 - 75, 337.5 - 75, 562.5 - 75, 787.5 - 75}));
}

TEST(DrawioExport, SuperPodPageHasEveryNodeAndEdgeAndTheCut) {
  const Catalog& c = test::installed_catalog();
  const Design d = sample("dgx-h100-superpod-4su");
  const DesignReport report = analyze_design(d, c);
  const ExportedTopology t = export_topology(d, c, report, export_fabric(d, {}, "test"));
  std::string output;
  const std::vector<DrawioPage> pages = read_drawio(fabrics_to_drawio(d, c, report), "superpod", &output);
  ASSERT_EQ(pages.size(), 1u) << output.substr(0, 2000);
  int cut_edges = 0;
  for (const TopologyEdge& e : t.layout.edges) cut_edges += e.in_cut();
  EXPECT_EQ(pages[0].vertices, static_cast<int>(t.layout.nodes.size()));
  EXPECT_EQ(pages[0].edges, static_cast<int>(t.layout.edges.size()));
  EXPECT_EQ(pages[0].duplicate_ids, 0);
  EXPECT_EQ(pages[0].dangling, 0);
  EXPECT_GT(cut_edges, 0);
  EXPECT_EQ(pages[0].cut, cut_edges);
}

TEST(DrawioExport, MarkupInNamesIsEscaped) {
  EXPECT_EQ(xml_attribute("a<b>&\"c'\nd\x02"), "a&lt;b&gt;&amp;&quot;c&apos;&#xa;d");
  const Catalog& c = test::installed_catalog();
  Design d = sample("lab-4x-dgx-h100");
  d.fabrics[0].name = "<Compute> & \"friends\"";
  std::string output;
  const std::vector<DrawioPage> pages = read_drawio(fabric_to_drawio(d, c, analyze_design(d, c)), "escape", &output);
  ASSERT_EQ(pages.size(), 1u) << output;
  EXPECT_EQ(pages[0].name, "<Compute> & \"friends\"");
  EXPECT_EQ(pages[0].vertices, 5);
}

}  // namespace
}  // namespace cf
