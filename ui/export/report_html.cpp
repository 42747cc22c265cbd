#include "report_html.h"

#include <QStringList>
#include <algorithm>
#include <vector>

namespace cf::ui {

namespace {

// Okabe–Ito blue: the one accent colour (ui/role_palette.h uses the same set). No red: red means
// "over a limit" and nothing else.
constexpr char kBrowserStyle[] = R"css(
body { font-family: system-ui, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; font-size: 14px; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.8rem; }
h4 { font-size: 1rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: 13px; }
table.data { width: 100%; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #eef2f6; }
table.facts th { background: #f6f6f6; font-weight: 600; width: 15rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.caption { font-weight: 600; margin: 1rem 0 .2rem; }
.note { color: #555; font-style: italic; margin-top: -.6rem; }
.chart { margin: .8rem 0; }
.chart svg { width: 100%; max-width: 800px; height: auto; }
.toc ol { columns: 2; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  .section + .section { page-break-before: always; }
  thead { display: table-header-group; }
  tr, .chart { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

// What QTextDocument reads of CSS (docs: "Supported HTML Subset").
constexpr char kRichTextStyle[] = R"css(
body { font-size: 8.5pt; }
table.data { font-size: 8pt; }
h1 { font-size: 17pt; }
h2 { font-size: 13pt; color: #0072B2; margin-top: 8pt; }
h3 { font-size: 10.5pt; margin-top: 10pt; }
h4 { font-size: 9.5pt; margin-top: 8pt; }
th { background-color: #eef2f6; text-align: left; }
table.facts th { background-color: #f6f6f6; }
.caption { font-weight: bold; margin-top: 8pt; }
.note { color: #555555; font-style: italic; }
.subtitle { color: #555555; }
)css";

// QTextDocument breaks lines at spaces only: long ids and URLs get break opportunities.
std::string breakable(const std::string& text) {
  std::string out;
  std::size_t run = 0;
  for (char c : text) {
    out += c;
    run = c == ' ' ? 0 : run + 1;
    if (run > 16 && (c == '/' || c == '_' || c == '-' || c == '.' || c == '&' || c == '=')) out += "\u200b";
  }
  return out;
}

class Writer {
 public:
  Writer(ReportFlavor flavor, const ChartMarkup& chart) : flavor_(flavor), chart_(chart) {}

  QString document(const ReportContent& c) {
    out_ << QStringLiteral("<!DOCTYPE html>")
         << QStringLiteral("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">") << QStringLiteral("<head>")
         << QStringLiteral("<meta charset=\"utf-8\"/>")
         << QStringLiteral("<meta name=\"generator\" content=\"ClusterForge\"/>")
         << QStringLiteral("<title>%1</title>").arg(xml_escaped(c.title))
         << QStringLiteral("<style>%1</style>")
                .arg(QString::fromUtf8(flavor_ == ReportFlavor::Browser ? kBrowserStyle : kRichTextStyle))
         << QStringLiteral("</head><body>");
    out_ << QStringLiteral("<h1>%1</h1>").arg(xml_escaped(c.title));
    if (!c.subtitle.empty()) out_ << QStringLiteral("<p class=\"subtitle\">%1</p>").arg(xml_escaped(c.subtitle));
    contents(c);
    for (std::size_t i = 0; i < c.sections.size(); ++i) section(c.sections[i], 2, i > 0);
    out_ << QStringLiteral("</body></html>");
    return out_.join(QLatin1Char('\n'));
  }

 private:
  bool rich() const { return flavor_ == ReportFlavor::RichText; }
  QString text(const std::string& s) const { return xml_escaped(rich() ? breakable(s) : s); }

  void contents(const ReportContent& c) {
    out_ << QStringLiteral("<div class=\"toc\"><p class=\"caption\">Contents</p><ol>");
    // Links in the browser; a PDF printed by QTextDocument has no internal links.
    for (const ReportSection& s : c.sections)
      out_ << (rich() ? QStringLiteral("<li>%1</li>").arg(xml_escaped(s.title))
                      : QStringLiteral("<li><a href=\"#%1\">%2</a></li>").arg(xml_escaped(s.id), xml_escaped(s.title)));
    out_ << QStringLiteral("</ol></div>");
  }

  void section(const ReportSection& s, int level, bool new_page) {
    out_ << QStringLiteral("<div class=\"%1\" id=\"%2\">")
                .arg(level == 2 ? QStringLiteral("section") : QStringLiteral("subsection"), xml_escaped(s.id));
    // QTextDocument honours page-break-before on blocks such as headings.
    const QString page_break = rich() && new_page ? QStringLiteral(" style=\"page-break-before: always\"") : QString();
    out_ << QStringLiteral("<h%1%2>%3</h%1>").arg(level).arg(page_break, xml_escaped(s.title));
    for (const std::string& p : s.paragraphs) out_ << QStringLiteral("<p>%1</p>").arg(text(p));
    if (!s.facts.empty()) facts(s.facts);
    for (const std::string& id : s.charts) {
      const QString markup = chart_ ? chart_(id) : QString();
      if (!markup.isEmpty())
        out_ << (rich() ? QStringLiteral("<p align=\"center\">%1</p>") : QStringLiteral("<div class=\"chart\">%1</div>"))
                    .arg(markup);
    }
    for (const ReportTable& t : s.tables) table(t);
    for (const ReportSection& sub : s.subsections) section(sub, std::min(level + 1, 4), false);
    out_ << QStringLiteral("</div>");
  }

  QString table_open(const QString& css_class) const {
    // QTextDocument keeps no space between a table and the next block unless the table asks.
    return rich() ? QStringLiteral("<table class=\"%1\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                   "style=\"margin-top: 4px; margin-bottom: 10px\">")
                        .arg(css_class)
                  : QStringLiteral("<table class=\"%1\">").arg(css_class);
  }

  void facts(const std::vector<std::pair<std::string, std::string>>& facts) {
    out_ << table_open(QStringLiteral("facts")) << QStringLiteral("<tbody>");
    for (const auto& [label, value] : facts)
      out_ << QStringLiteral("<tr><th%1>%2</th><td>%3</td></tr>")
                  .arg(rich() ? QStringLiteral(" width=\"28%\"") : QString(), text(label), text(value));
    out_ << QStringLiteral("</tbody></table>");
  }

  QString cell(const char* tag, const std::string& value, bool numeric) const {
    QString attributes;
    if (numeric) attributes = rich() ? QStringLiteral(" align=\"right\"") : QStringLiteral(" class=\"num\"");
    return QStringLiteral("<%1%2>%3</%1>").arg(QLatin1String(tag), attributes, text(value));
  }

  // QTextDocument shares a table's width out evenly: columns get percentages by the length of
  // their longest text instead, at least their header's longest word (bold), long texts capped
  // so that they wrap and the figures stay on one line.
  static std::vector<int> column_widths(const ReportTable& t) {
    std::vector<double> weight(t.header.size(), 0);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      std::size_t word = 0, run = 0;
      for (char ch : t.header[c] + " ") {
        run = ch == ' ' ? 0 : run + 1;
        word = std::max(word, run);
      }
      double longest = 0;
      for (const auto& row : t.rows)
        if (c < row.size()) longest = std::max(longest, static_cast<double>(row[c].size()));
      // + 4: the cell's padding and borders, which short columns feel most.
      weight[c] = 4 + std::max(1.3 * static_cast<double>(word), std::clamp(longest, 4.0, 24.0));
    }
    double sum = 0;
    for (double w : weight) sum += w;
    std::vector<int> percent;
    for (double w : weight) percent.push_back(std::max(1, static_cast<int>(100 * w / sum)));
    return percent;
  }

  void table(const ReportTable& t) {
    if (!t.caption.empty()) out_ << QStringLiteral("<p class=\"caption\">%1</p>").arg(text(t.caption));
    out_ << table_open(QStringLiteral("data"));
    auto numeric = [&](std::size_t c) { return c < t.numeric.size() && t.numeric[c]; };
    // A <thead> repeats on every page (browsers' print, QTextDocument's header rows).
    out_ << QStringLiteral("<thead><tr>");
    const std::vector<int> widths = rich() ? column_widths(t) : std::vector<int>();
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      QString th = cell("th", t.header[c], numeric(c));
      if (!widths.empty()) th.insert(3, QStringLiteral(" width=\"%1%\"").arg(widths[c]));
      out_ << th;
    }
    out_ << QStringLiteral("</tr></thead><tbody>");
    for (const auto& row : t.rows) {
      out_ << QStringLiteral("<tr>");
      for (std::size_t c = 0; c < t.header.size(); ++c) out_ << cell("td", c < row.size() ? row[c] : "", numeric(c));
      out_ << QStringLiteral("</tr>");
    }
    out_ << QStringLiteral("</tbody></table>");
    if (!t.note.empty()) out_ << QStringLiteral("<p class=\"note\">%1</p>").arg(text(t.note));
  }

  ReportFlavor flavor_;
  const ChartMarkup& chart_;
  QStringList out_;
};

}  // namespace

QString xml_escaped(const std::string& text) {
  return QString::fromStdString(text).toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;"));
}

QString report_markup(const ReportContent& content, ReportFlavor flavor, const ChartMarkup& chart) {
  return Writer(flavor, chart).document(content);
}

}  // namespace cf::ui
