#include "design/design_schema.h"

#include <charconv>

#include "catalog/enum_names.h"

namespace cf {

namespace {

const EnumNames<Face>& face_names() {
  static const EnumNames<Face> n{{Face::Front, "front"}, {Face::Rear, "rear"}};
  return n;
}
const EnumNames<FeedSide>& feed_side_names() {
  static const EnumNames<FeedSide> n{{FeedSide::A, "A"}, {FeedSide::B, "B"}};
  return n;
}
const EnumNames<FabricKind>& fabric_kind_names() {
  static const EnumNames<FabricKind> n{{FabricKind::Compute, "compute"},
                                       {FabricKind::Storage, "storage"},
                                       {FabricKind::Inband, "inband"},
                                       {FabricKind::Oob, "oob"},
                                       {FabricKind::ScaleUp, "scale_up"}};
  return n;
}

// "p1-p32" or "p7": a prefix and an inclusive index range.
BreakoutRule parse_port_range(const std::string& text, const JsonPath& path) {
  auto bad = [&]() -> BreakoutRule {
    fail_at(path, "expected a port or port range such as \"p1\" or \"p1-p32\", got \"" + text + "\"");
  };
  auto split_name = [&](const std::string& s, std::string& prefix, int& index) {
    auto digits = s.find_first_of("0123456789");
    if (digits == 0 || digits == std::string::npos) return false;
    prefix = s.substr(0, digits);
    auto [ptr, ec] = std::from_chars(s.data() + digits, s.data() + s.size(), index);
    return ec == std::errc() && ptr == s.data() + s.size() && index >= 1;
  };
  BreakoutRule rule;
  auto dash = text.find('-');
  if (dash == std::string::npos) {
    if (!split_name(text, rule.prefix, rule.first)) return bad();
    rule.last = rule.first;
    return rule;
  }
  std::string last_prefix;
  if (!split_name(text.substr(0, dash), rule.prefix, rule.first) ||
      !split_name(text.substr(dash + 1), last_prefix, rule.last) || last_prefix != rule.prefix ||
      rule.last < rule.first)
    return bad();
  return rule;
}

std::string format_port_range(const BreakoutRule& r) {
  std::string s = r.prefix + std::to_string(r.first);
  return r.last == r.first ? s : s + "-" + r.prefix + std::to_string(r.last);
}

Field<Device> breakout_field() {
  return {"breakout", false,
          [](Device& d, JsonValue v, const JsonPath& p) {
            d.breakouts.clear();
            for (const auto& [key, value] : members_of(v, p)) {
              JsonPath key_path = p.child(key);
              BreakoutRule r = parse_port_range(std::string(key), key_path);
              r.lanes = static_cast<int>(read_integer(value, key_path, 2, 8));
              d.breakouts.push_back(r);
            }
          },
          [](const Device& d, JsonWriter& out) {
            if (d.breakouts.empty()) return;
            out.key("breakout");
            out.begin_object();
            for (const auto& r : d.breakouts) out.member(format_port_range(r), r.lanes);
            out.end_object();
          }};
}

// A link end: {"device": id, "port": name}.
const FieldTable<PortRef>& port_ref_fields() {
  static const FieldTable<PortRef> t{
      string_field<PortRef>("device", &PortRef::device_id, true),
      string_field<PortRef>("port", &PortRef::port, true),
  };
  return t;
}

Field<Link> port_ref_field(std::string key, PortRef Link::*member) {
  return {key, true,
          [member](Link& l, JsonValue v, const JsonPath& p) {
            read_fields(l.*member, v, p, port_ref_fields(), nullptr);
          },
          [member, key](const Link& l, JsonWriter& out) {
            out.key(key);
            write_fields(l.*member, port_ref_fields(), out);
          }};
}

template <class T>
Field<T> optional_string(std::string key, std::string T::*member) {
  return string_field<T>(std::move(key), member, false);
}

template <class T>
Field<Design> nested_object(std::string key, T Design::*member, const FieldTable<T>& (*table)()) {
  return {key, false,
          [member, table](Design& d, JsonValue v, const JsonPath& p) {
            read_fields(d.*member, v, p, table(), &(d.*member).extra);
          },
          [member, table, key](const Design& d, JsonWriter& out) {
            out.key(key);
            write_fields(d.*member, table(), out, &(d.*member).extra);
          }};
}

}  // namespace

const FieldTable<Site>& site_fields() {
  static const FieldTable<Site> t{
      optional_string<Site>("name", &Site::name),
      number_field<Site>("rack_pitch_m", &Site::rack_pitch_m, false, 0.1, 10),
      number_field<Site>("voltage_v", &Site::voltage_v, false, 100, 1000),
  };
  return t;
}

const FieldTable<Row>& row_fields() {
  static const FieldTable<Row> t{
      string_field<Row>("id", &Row::id, true),
      optional_string<Row>("name", &Row::name),
      number_field<Row>("x_m", &Row::x_m, false, -limits::kMaxCoordinate_m, limits::kMaxCoordinate_m),
      number_field<Row>("y_m", &Row::y_m, false, -limits::kMaxCoordinate_m, limits::kMaxCoordinate_m),
  };
  return t;
}

const FieldTable<Device>& device_fields() {
  static const FieldTable<Device> t{
      string_field<Device>("id", &Device::id, true),
      optional_string<Device>("name", &Device::name),
      string_field<Device>("catalog", &Device::catalog_id, true),
      integer_field<Device>("u", &Device::u, true, 0, limits::kMaxRackUnits),
      enum_field<Device>("face", &Device::face, false, face_names()),
      optional_string<Device>("feed", &Device::feed_id),
      breakout_field(),
  };
  return t;
}

const FieldTable<Rack>& rack_fields_of_design() {
  static const FieldTable<Rack> t{
      string_field<Rack>("id", &Rack::id, true),
      optional_string<Rack>("name", &Rack::name),
      string_field<Rack>("catalog", &Rack::catalog_id, true),
      string_field<Rack>("row", &Rack::row_id, true),
      integer_field<Rack>("position", &Rack::position, true, 0, limits::kMaxRowPosition),
      optional_number_field<Rack>("power_limit_kw", &Rack::power_limit_w, 0.1, 10000, 1e3),
      object_list_field<Rack, Device>("devices", &Rack::devices, false, &device_fields,
                                      &Device::extra),
  };
  return t;
}

const FieldTable<PowerFeed>& power_feed_fields() {
  static const FieldTable<PowerFeed> t{
      string_field<PowerFeed>("id", &PowerFeed::id, true),
      optional_string<PowerFeed>("name", &PowerFeed::name),
      enum_field<PowerFeed>("side", &PowerFeed::side, true, feed_side_names()),
      number_field<PowerFeed>("voltage_v", &PowerFeed::voltage_v, true, 100, 1000),
      integer_field<PowerFeed>("phases", &PowerFeed::phases, true, 1, 3),
      number_field<PowerFeed>("current_a", &PowerFeed::current_a, true, 1, 100000),
  };
  return t;
}

const FieldTable<CoolingUnit>& cooling_unit_fields() {
  static const FieldTable<CoolingUnit> t{
      string_field<CoolingUnit>("id", &CoolingUnit::id, true),
      optional_string<CoolingUnit>("name", &CoolingUnit::name),
      string_field<CoolingUnit>("catalog", &CoolingUnit::catalog_id, true),
      optional_string<CoolingUnit>("row", &CoolingUnit::row_id),
      integer_field<CoolingUnit>("position", &CoolingUnit::position, false, 0,
                                 limits::kMaxRowPosition),
      optional_string<CoolingUnit>("rack", &CoolingUnit::rack_id),
  };
  return t;
}

const FieldTable<FabricIntent>& fabric_intent_fields() {
  static const FieldTable<FabricIntent> t{
      integer_field<FabricIntent>("tiers", &FabricIntent::tiers, true, 1, 3),
      integer_field<FabricIntent>("planes", &FabricIntent::planes, false, 1, 64),
      bool_field<FabricIntent>("rail_optimized", &FabricIntent::rail_optimized, false),
      optional_number_field<FabricIntent>("leaf_oversubscription",
                                          &FabricIntent::leaf_oversubscription, 0.01, 1000),
      optional_number_field<FabricIntent>("spine_oversubscription",
                                          &FabricIntent::spine_oversubscription, 0.01, 1000),
  };
  return t;
}

const FieldTable<Fabric>& fabric_fields() {
  static const FieldTable<Fabric> t{
      string_field<Fabric>("id", &Fabric::id, true),
      optional_string<Fabric>("name", &Fabric::name),
      enum_field<Fabric>("kind", &Fabric::kind, true, fabric_kind_names()),
      {"intent", false,
       [](Fabric& f, JsonValue v, const JsonPath& p) {
         FabricIntent intent;
         read_fields(intent, v, p, fabric_intent_fields(), nullptr);
         f.intent = intent;
       },
       [](const Fabric& f, JsonWriter& out) {
         if (!f.intent) return;
         out.key("intent");
         write_fields(*f.intent, fabric_intent_fields(), out);
       }},
  };
  return t;
}

const FieldTable<Link>& link_fields() {
  static const FieldTable<Link> t{
      string_field<Link>("id", &Link::id, true),
      port_ref_field("a", &Link::a),
      port_ref_field("b", &Link::b),
      string_field<Link>("medium", &Link::medium_id, true),
      number_field<Link>("length_m", &Link::length_m, true, 0, limits::kMaxLinkLength_m),
      optional_string<Link>("fabric", &Link::fabric_id),
  };
  return t;
}

const FieldTable<Scenario>& scenario_fields() {
  static const FieldTable<Scenario> t{
      string_field<Scenario>("id", &Scenario::id, true),
      optional_string<Scenario>("name", &Scenario::name),
      string_field<Scenario>("model", &Scenario::model, true),
      number_field<Scenario>("tokens", &Scenario::tokens, true, 1, limits::kMaxTokens),
      enum_field<Scenario>("precision", &Scenario::precision, true, precision_names()),
      optional_number_field<Scenario>("parameters", &Scenario::parameters, 1, 1e15),
  };
  return t;
}

const FieldTable<Assumptions>& assumption_fields() {
  using A = Assumptions;
  static const FieldTable<A> t{
      optional_number_field<A>("gpu_utilization", &A::gpu_utilization, 0, 1),
      optional_number_field<A>("pue", &A::pue, 1, 5),
      optional_number_field<A>("energy_usd_per_kwh", &A::energy_usd_per_kwh, 0, 10),
      optional_number_field<A>("years", &A::years, 0.1, 50),
      optional_number_field<A>("integration_factor", &A::integration_factor, 0, 5),
      optional_number_field<A>("cloud_usd_per_gpu_hour", &A::cloud_usd_per_gpu_hour, 0, 1000),
      optional_number_field<A>("checkpoint_bytes", &A::checkpoint_bytes, 1, 1e18),
      optional_number_field<A>("storage_write_bytes_per_s", &A::storage_write_bytes_per_s, 1, 1e15),
      optional_number_field<A>("restart_s", &A::restart_s, 0, 1e6),
  };
  return t;
}

const FieldTable<Design>& design_fields() {
  static const FieldTable<Design> t{
      string_field<Design>("name", &Design::name, true),
      optional_string<Design>("description", &Design::description),
      nested_object<Site>("site", &Design::site, &site_fields),
      object_list_field<Design, Row>("rows", &Design::rows, true, &row_fields, &Row::extra),
      object_list_field<Design, Rack>("racks", &Design::racks, true, &rack_fields_of_design,
                                      &Rack::extra),
      object_list_field<Design, PowerFeed>("power_feeds", &Design::power_feeds, false,
                                           &power_feed_fields, &PowerFeed::extra),
      object_list_field<Design, CoolingUnit>("cooling_units", &Design::cooling_units, false,
                                             &cooling_unit_fields, &CoolingUnit::extra),
      object_list_field<Design, Fabric>("fabrics", &Design::fabrics, false, &fabric_fields,
                                        &Fabric::extra),
      object_list_field<Design, Link>("links", &Design::links, true, &link_fields, &Link::extra),
      object_list_field<Design, Scenario>("scenarios", &Design::scenarios, false,
                                          &scenario_fields, &Scenario::extra),
      {"assumptions", false,
       [](Design& d, JsonValue v, const JsonPath& p) {
         read_fields(d.assumptions, v, p, assumption_fields(), &d.assumptions.extra);
       },
       [](const Design& d, JsonWriter& out) {
         Json a = fields_to_json(d.assumptions, assumption_fields(), &d.assumptions.extra);
         if (!a.empty()) out.member("assumptions", a);  // nothing overridden: no key
       }},
  };
  return t;
}

std::string to_string(Face face) { return enum_name(face, face_names()); }
std::string to_string(FabricKind kind) { return enum_name(kind, fabric_kind_names()); }

}  // namespace cf
