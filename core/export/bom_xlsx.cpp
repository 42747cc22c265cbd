#include "export/bom_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <vector>

#include "export/export_error.h"
#include "export/export_file.h"

namespace cf {
namespace {

// ---------------------------------------------------------------------------------------------
// libxlsxwriter, with every error turned into an ExportError.

class Workbook {
 public:
  Workbook(const std::filesystem::path& file, std::string out) : out_(std::move(out)) {
    wb_ = workbook_new(file.c_str());
    if (!wb_) throw ExportError(out_, "cannot start the workbook");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (wb_) workbook_close(wb_);  // the only way to free it; the temporary is removed anyway
  }

  lxw_workbook* get() const { return wb_; }

  void check(lxw_error e, const std::string& what) const {
    if (e != LXW_NO_ERROR) throw ExportError(out_, what + ": " + lxw_strerror(e));
  }

  lxw_worksheet* add_sheet(const std::string& name) {
    check(workbook_validate_sheet_name(wb_, name.c_str()), "sheet \"" + name + "\"");
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw ExportError(out_, "cannot add sheet \"" + name + "\"");
    return ws;
  }

  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    check(e, "cannot write the workbook");
  }

 private:
  std::string out_;
  lxw_workbook* wb_ = nullptr;
};

struct Formats {
  lxw_format *title, *header, *bold, *note, *included, *qty, *money, *power, *kw, *unknown;
  lxw_format *total_label, *total_qty, *total_money, *total_power, *total_text;

  explicit Formats(lxw_workbook* wb) {
    auto make = [wb](auto&& setup) {
      lxw_format* f = workbook_add_format(wb);
      setup(f);
      return f;
    };
    title = make([](lxw_format* f) {
      format_set_bold(f);
      format_set_font_size(f, 14);
    });
    header = make([](lxw_format* f) {
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_bg_color(f, 0xD9E1F2);
      format_set_bottom(f, LXW_BORDER_THIN);
    });
    bold = make([](lxw_format* f) { format_set_bold(f); });
    note = make([](lxw_format* f) {
      format_set_italic(f);
      format_set_font_color(f, 0x595959);
    });
    included = make([](lxw_format* f) {
      format_set_italic(f);
      format_set_font_color(f, 0x808080);
      format_set_align(f, LXW_ALIGN_RIGHT);
    });
    qty = make([](lxw_format* f) { format_set_num_format(f, "#,##0"); });
    money = make([](lxw_format* f) { format_set_num_format(f, "$#,##0.00"); });
    power = make([](lxw_format* f) { format_set_num_format(f, "#,##0.0"); });
    kw = make([](lxw_format* f) {
      format_set_num_format(f, "#,##0.0");
      format_set_bold(f);
    });
    // Unknown prices: the cells stay empty (never 0) and the line says so in an orange cell.
    unknown = make([](lxw_format* f) {
      format_set_bg_color(f, 0xF8CBAD);
      format_set_italic(f);
    });
    auto total = [](lxw_format* f) {
      format_set_bold(f);
      format_set_top(f, LXW_BORDER_THIN);
    };
    total_label = make(total);
    total_text = make([&](lxw_format* f) {
      total(f);
      format_set_align(f, LXW_ALIGN_RIGHT);
    });
    total_qty = make([&](lxw_format* f) {
      total(f);
      format_set_num_format(f, "#,##0");
    });
    total_money = make([&](lxw_format* f) {
      total(f);
      format_set_num_format(f, "$#,##0.00");
    });
    total_power = make([&](lxw_format* f) {
      total(f);
      format_set_num_format(f, "#,##0.0");
    });
  }
};

std::size_t display_length(const std::string& s) {  // UTF-8 code points
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_url(const std::string& s) {
  return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) &&
         s.find_first_of(" \t\n") == std::string::npos;
}

std::string cell(lxw_row_t row, lxw_col_t col) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(name, row, col);
  return name;
}

std::string range(lxw_row_t first, lxw_row_t last, lxw_col_t col) {
  return cell(first, col) + ":" + cell(last, col);
}

// A sheet name as a formula or link refers to it: 'Cables & optics' (quotes doubled inside).
std::string quoted(const std::string& sheet) {
  std::string q = "'";
  for (char c : sheet) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

// Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with a quote,
// unique regardless of case.
std::string sheet_name(const std::string& category, std::set<std::string>& taken) {
  std::string base;
  for (char c : category) base += c && std::strchr("[]:*?/\\", c) ? '-' : c;
  while (!base.empty() && base.front() == '\'') base.erase(base.begin());
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty()) base = "Other";
  auto cut = [](std::string s, std::size_t chars) {
    std::size_t n = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
    return s.substr(0, i);
  };
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  std::string name = cut(base, 31);
  for (int n = 2; taken.count(lower(name)); ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    name = cut(base, 31 - suffix.size()) + suffix;
  }
  taken.insert(lower(name));
  return name;
}

// One worksheet, with checked writes and column widths that follow the text written.
class Sheet {
 public:
  Sheet(const Workbook& wb, lxw_worksheet* ws) : wb_(wb), ws_(ws) {}

  lxw_worksheet* get() const { return ws_; }

  void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
    if (s.empty()) {
      if (f) blank(r, c, f);
      return;
    }
    check(worksheet_write_string(ws_, r, c, s.c_str(), f), r, c);
    fit(c, display_length(s));
  }
  void number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
    check(worksheet_write_number(ws_, r, c, v, f), r, c);
  }
  void blank(lxw_row_t r, lxw_col_t c, lxw_format* f) {
    check(worksheet_write_blank(ws_, r, c, f), r, c);
  }
  // A formula stored with its value, for readers that do not recalculate.
  void formula(lxw_row_t r, lxw_col_t c, const std::string& f, double value, lxw_format* fmt) {
    check(worksheet_write_formula_num(ws_, r, c, f.c_str(), fmt, value), r, c);
  }
  void formula(lxw_row_t r, lxw_col_t c, const std::string& f, const std::string& value,
               lxw_format* fmt) {
    check(worksheet_write_formula_str(ws_, r, c, f.c_str(), fmt, value.c_str()), r, c);
  }
  // A link showing `shown`; a URL Excel refuses (too long, too many) is kept as text.
  void link(lxw_row_t r, lxw_col_t c, const std::string& url, const std::string& shown,
            lxw_format* f = nullptr) {
    lxw_error e = worksheet_write_url_opt(ws_, r, c, url.c_str(), f, shown.c_str(), nullptr);
    if (e == LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED ||
        e == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED)
      return text(r, c, shown, f);
    check(e, r, c);
    fit(c, display_length(shown));
  }

  void fit(lxw_col_t c, std::size_t chars) {
    if (widths_.size() <= c) widths_.resize(c + 1, 0);
    widths_[c] = std::max(widths_[c], chars);
  }
  std::size_t width(lxw_col_t c) const { return c < widths_.size() ? widths_[c] : 0; }

  void set_width(lxw_col_t c, double width) {
    wb_.check(worksheet_set_column(ws_, c, c, width, nullptr), "column width");
  }

 private:
  void check(lxw_error e, lxw_row_t r, lxw_col_t c) const { wb_.check(e, "cell " + cell(r, c)); }

  const Workbook& wb_;
  lxw_worksheet* ws_;
  std::vector<std::size_t> widths_;
};

// ---------------------------------------------------------------------------------------------
// Category sheets.

enum Col : lxw_col_t {
  kId,
  kVendor,
  kModel,
  kIncludedIn,
  kLength,
  kQty,
  kUnitPrice,
  kEstimate,
  kExtPrice,
  kUnitPower,
  kExtPower,
  kSource,
  kPriceSource,
  kColumns
};

const char* const kHeaders[kColumns] = {"Catalog id",
                                        "Vendor",
                                        "Model",
                                        "Included in",
                                        "Length",
                                        "Quantity",
                                        "Unit price (USD)",
                                        "Price is estimate",
                                        "Extended price (USD)",
                                        "Unit power (W)",
                                        "Extended power (W)",
                                        "Source",
                                        "Price source"};

constexpr const char* kIncluded = "included";  // sub-items: priced (and powered) in their system
constexpr const char* kNoPrice = "no price";   // the estimate cell of a line without a price

// Where a category sheet's figures are, and their values, for the Summary's formulas.
struct CategorySheet {
  std::string category, name;
  lxw_row_t first = 1, last = 0, totals = 0;  // data rows first..last (0-based), then totals
  long long lines = 0, quantity = 0, without_price = 0;
  std::string price_formula, power_formula;
  std::optional<double> price, power;  // empty: the text below is the cell's value
  std::string price_text, power_text;
};

// The totals cell of a column holding numbers, "included" sub-items and empty unknowns: the sum
// of the numbers, else "unknown" when a cell is empty, else "included".
std::string total_formula(const std::string& cells, const char* when_blank) {
  return "=IF(COUNT(" + cells + ")>0,SUM(" + cells + "),IF(COUNTBLANK(" + cells + ")>0,\"" +
         when_blank + "\",\"" + kIncluded + "\"))";
}

CategorySheet write_category(Workbook& wb, const Formats& fmt, const std::string& name,
                             const std::vector<const BomLine*>& lines) {
  Sheet s(wb, wb.add_sheet(name));
  CategorySheet out;
  out.category = lines.front()->category;
  out.name = name;
  for (lxw_col_t c = 0; c < kColumns; ++c) s.text(0, c, kHeaders[c], fmt.header);

  double price_sum = 0, power_sum = 0;
  int priced = 0, powered = 0, blank_power = 0;
  bool estimates = false;
  lxw_row_t r = 1;
  for (const BomLine* l : lines) {
    const bool sub = !l->included_in.empty();
    s.text(r, kId, l->catalog_id);
    s.text(r, kVendor, l->vendor);
    s.text(r, kModel, l->model);
    s.text(r, kIncludedIn, l->included_in);
    s.text(r, kLength, l->length);
    s.number(r, kQty, static_cast<double>(l->quantity), fmt.qty);
    out.quantity += l->quantity;
    if (sub) {
      s.text(r, kUnitPrice, kIncluded, fmt.included);
      s.text(r, kExtPrice, kIncluded, fmt.included);
    } else if (l->unit_price_usd) {
      s.number(r, kUnitPrice, *l->unit_price_usd, fmt.money);
      s.text(r, kEstimate, l->price_estimate ? "yes" : "no");
      s.number(r, kExtPrice, *l->extended_price_usd(), fmt.money);
      price_sum += *l->extended_price_usd();
      ++priced;
      estimates |= l->price_estimate;
    } else {
      s.blank(r, kUnitPrice, fmt.unknown);
      s.text(r, kEstimate, kNoPrice, fmt.unknown);
      s.blank(r, kExtPrice, fmt.unknown);
      ++out.without_price;
    }
    if (l->unit_power_w) s.number(r, kUnitPower, *l->unit_power_w, fmt.power);
    if (auto p = l->extended_power_w()) {
      s.number(r, kExtPower, *p, fmt.power);
      power_sum += *p;
      ++powered;
    } else if (sub && l->unit_power_w) {
      s.text(r, kExtPower, kIncluded, fmt.included);
    } else {
      ++blank_power;
    }
    if (is_url(l->source))
      s.link(r, kSource, l->source, l->source);
    else
      s.text(r, kSource, l->source);
    if (!sub) {  // a sub-item's own catalog price is not what is paid: it ships in its system
      if (is_url(l->price_source))
        s.link(r, kPriceSource, l->price_source, l->price_source);
      else
        s.text(r, kPriceSource, l->price_source);
    }
    ++r;
  }
  out.lines = static_cast<long long>(lines.size());
  out.last = r - 1;
  out.totals = r;

  s.text(r, kId, "Total", fmt.total_label);
  for (lxw_col_t c = kVendor; c < kColumns; ++c) s.blank(r, c, fmt.total_label);
  s.formula(r, kQty, "=SUM(" + range(out.first, out.last, kQty) + ")",
            static_cast<double>(out.quantity), fmt.total_qty);
  if (priced > 0) s.text(r, kEstimate, estimates ? "yes" : "no", fmt.total_text);

  out.price_formula = total_formula(range(out.first, out.last, kExtPrice), "unknown");
  if (priced > 0)
    out.price = price_sum;
  else
    out.price_text = out.without_price > 0 ? "unknown" : kIncluded;
  if (out.price)
    s.formula(r, kExtPrice, out.price_formula, *out.price, fmt.total_money);
  else
    s.formula(r, kExtPrice, out.price_formula, out.price_text, fmt.total_text);

  // Lines without a power figure (racks, PDUs, fibre runs) leave the total empty, not "unknown".
  out.power_formula = total_formula(range(out.first, out.last, kExtPower), "");
  if (powered > 0)
    out.power = power_sum;
  else
    out.power_text = blank_power > 0 ? "" : kIncluded;
  if (out.power)
    s.formula(r, kExtPower, out.power_formula, *out.power, fmt.total_power);
  else
    s.formula(r, kExtPower, out.power_formula, out.power_text, fmt.total_text);

  lxw_row_t n = r + 2;
  if (out.without_price > 0)
    s.text(n++, kId,
           std::to_string(out.without_price) +
               " line(s) marked \"no price\": the catalog has no "
               "price for them. They are unknown, not zero, and not in the total, which is a lower "
               "bound.",
           fmt.note);
  if (estimates)
    s.text(n++, kId,
           "Prices marked \"yes\" under Price is estimate are estimates, not quotes (see Price "
           "source).",
           fmt.note);
  if (std::any_of(lines.begin(), lines.end(),
                  [](const BomLine* l) { return !l->included_in.empty(); }))
    s.text(n++, kId,
           "\"included\": ships inside the system named under Included in and is priced in it.",
           fmt.note);

  // Layout: header frozen, a filter over the lines, widths from the content (notes overflow).
  worksheet_freeze_panes(s.get(), 1, 0);
  wb.check(worksheet_autofilter(s.get(), 0, 0, out.last, kColumns - 1), "autofilter");
  wb.check(worksheet_set_row(s.get(), 0, 30, nullptr), "header height");
  const double fixed[kColumns] = {0, 0, 0, 0, 0, 10, 16, 10, 18, 11, 13, 0, 0};
  for (lxw_col_t c = 0; c < kColumns; ++c) {
    double w =
        fixed[c] > 0 ? fixed[c] : std::clamp<double>(static_cast<double>(s.width(c)) + 2, 10, 60);
    s.set_width(c, w);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary sheet.

void write_summary(Workbook& wb, const Formats& fmt, Sheet& s, const Bom& bom,
                   const std::string& title, const std::vector<CategorySheet>& cats) {
  int priced = 0, estimated = 0;
  for (const auto& l : bom.lines)
    if (l.included_in.empty() && l.unit_price_usd) {
      ++priced;
      estimated += l.price_estimate;
    }

  s.text(0, 0, "Bill of materials: " + title, fmt.title);

  // The category table first in rows, so the headline total can sum its price column.
  const lxw_row_t head = 7, first = head + 1;
  const char* cols[] = {
      "Category",          "Lines", "Quantity", "Lines without price", "Extended price (USD)",
      "Extended power (W)"};
  for (lxw_col_t c = 0; c < 6; ++c) s.text(head, c, cols[c], fmt.header);
  lxw_row_t r = first;
  for (const auto& k : cats) {
    const std::string at = quoted(k.name) + "!";
    const std::string lines = at + range(k.first, k.last, kQty);
    s.link(r, 0, "internal:" + at + "A1", k.name);
    s.formula(r, 1, "=COUNT(" + lines + ")", static_cast<double>(k.lines), fmt.qty);
    s.formula(r, 2, "=" + at + cell(k.totals, kQty), static_cast<double>(k.quantity), fmt.qty);
    s.formula(r, 3, "=COUNTBLANK(" + at + range(k.first, k.last, kExtPrice) + ")",
              static_cast<double>(k.without_price), fmt.qty);
    const std::string price = "=" + at + cell(k.totals, kExtPrice);
    if (k.price)
      s.formula(r, 4, price, *k.price, fmt.money);
    else
      s.formula(r, 4, price, k.price_text, fmt.included);
    const std::string power = "=" + at + cell(k.totals, kExtPower);
    if (k.power)
      s.formula(r, 5, power, *k.power, fmt.power);
    else
      s.formula(r, 5, power, k.power_text, fmt.included);
    ++r;
  }

  s.text(2, 0, "Total hardware price (USD)", fmt.bold);
  if (!cats.empty())
    s.formula(2, 1, "=SUM(" + range(first, r - 1, 4) + ")", bom.total_price_usd, fmt.money);
  else
    s.number(2, 1, bom.total_price_usd, fmt.money);
  s.text(2, 2,
         bom.total_has_estimates ? "sum of the known prices; includes estimates"
                                 : "sum of the known prices",
         fmt.note);
  s.text(3, 0, "Price includes estimates", fmt.bold);
  s.text(3, 1, bom.total_has_estimates ? "yes" : "no");
  s.text(
      3, 2,
      std::to_string(estimated) + " of " + std::to_string(priced) + " priced lines are estimates",
      fmt.note);
  s.text(4, 0, "Lines without a price", fmt.bold);
  s.number(4, 1, bom.lines_without_price, fmt.qty);
  s.text(4, 2,
         bom.lines_without_price > 0
             ? "unknown, not zero: not in the total, which is then a lower bound"
             : "every line is priced",
         fmt.note);
  s.text(5, 0, "Nameplate power of the rack devices (kW)", fmt.bold);
  s.number(5, 1, bom.total_power_w / 1000.0, fmt.kw);
  s.text(
      5, 2,
      "maximum of the devices in racks (PDUs aside), as analyze sums it: optics are inside the "
      "switch maxima and cooling units are facility load, so it is not the sum of the power column",
      fmt.note);

  lxw_row_t n = r + 1;
  for (const char* line : {"Prices come from the ClusterForge catalog (docs/catalog.md): each "
                           "line's Source links to the public "
                           "page its specifications were read from, and Price source to where its "
                           "price was read, when the "
                           "catalog names one.",
                           "Prices marked \"yes\" under Price is estimate are estimates (analyst "
                           "and press figures, e.g. for GPU "
                           "systems), not vendor quotes: ask for quotes before ordering.",
                           "\"no price\" (orange): the catalog has no price for the item; its "
                           "price cells are empty, never 0, "
                           "and it is left out of every total.",
                           "\"included\": GPUs and NICs ship inside the system named under "
                           "Included in and are priced in it."})
    s.text(n++, 0, line, fmt.note);

  s.set_width(0, 42);
  s.set_width(1, 18);
  for (lxw_col_t c = 2; c < 6; ++c) s.set_width(c, 20);
  wb.check(worksheet_set_row(s.get(), head, 30, nullptr), "header height");
  worksheet_activate(s.get());
}

void set_properties(Workbook& wb, const std::string& title) {
  std::string doc_title = "Bill of materials: " + title;
  lxw_doc_properties p{};
  p.title = doc_title.data();
  p.subject = const_cast<char*>("Bill of materials for procurement");
  p.author = const_cast<char*>("ClusterForge");
  p.company = const_cast<char*>("ClusterForge");
  p.comments = const_cast<char*>(
      "Prices from the ClusterForge catalog; estimates are flagged, unknown prices left empty.");
  wb.check(workbook_set_properties(wb.get(), &p), "document properties");
}

}  // namespace

void write_bom_xlsx(const Bom& bom, const std::string& title, const std::filesystem::path& out) {
  // Lines by category, in the BOM's order (build_bom groups them).
  std::vector<std::vector<const BomLine*>> groups;
  for (const auto& l : bom.lines) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.front()->category == l.category; });
    if (it == groups.end())
      groups.push_back({&l});
    else
      it->push_back(&l);
  }

  auto write = [&](const std::filesystem::path& temp) {
    Workbook wb(temp, out.string());
    Formats fmt(wb.get());
    set_properties(wb, title);
    std::set<std::string> taken{"summary"};
    Sheet summary(wb, wb.add_sheet("Summary"));  // first: what the workbook opens on
    std::vector<CategorySheet> cats;
    for (const auto& g : groups)
      cats.push_back(write_category(wb, fmt, sheet_name(g.front()->category, taken), g));
    write_summary(wb, fmt, summary, bom, title, cats);
    wb.close();
  };
  write_export_file(out, write);
}

}  // namespace cf
