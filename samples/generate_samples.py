#!/usr/bin/env python3
"""Generate the sample designs shipped in samples/.

This script produced the committed sample designs:

    samples/lab-4x-dgx-h100.cluster.json
    samples/dgx-h100-superpod-4su.cluster.json
    samples/mi300x-1024.cluster.json

It is a stop-gap: a later C++ fabric generator in ClusterForge will build such fabrics itself and
replace this script. Until then, re-run it after changing the catalog or the rules below:

    python3 samples/generate_samples.py

Python 3 standard library only; the output is deterministic (no clocks, no randomness, no set or
hash ordering). Each file is the design format of docs/file-formats.md, version 2: keys in the order
that document gives, dumped with json.dumps(indent=1) plus a trailing newline.

The script reads the installed catalog (resources/catalog/*.json) to look up port groups, port
speeds, media reach and nameplate power, so every catalog id and port name it writes exists.

Cable lengths (the same rule for every sample, also documented in samples/README.md)
-------------------------------------------------------------------------------------
A rack stands at x = row.x_m + position * site.rack_pitch_m (0.6 m), y = row.y_m; rows are 3.0 m
apart (row y_m = 0, 3, 6, ...).

* Both ends in the same rack:   length = 1.5 m.
* Ends in different racks:      length = (|dx| + |dy| + 2 x 1.5 m) x 1.10
  i.e. the Manhattan distance between the two racks, plus a 1.5 m vertical run at each end up to
  the overhead cable tray and back down, plus 10 % slack; rounded up to the next 0.1 m.

Medium choice (per link, from the catalog)
------------------------------------------
Among media whose connector matches the ports (OSFP here), that are not 1-to-N splitters, whose
speed is >= the faster port of the link and whose reach covers the length, take the first class
that fits: passive copper DAC, else multimode optics (transceiver, fiber "mmf", 50 m), else
single-mode optics (fiber "smf", 100 m); within a class the slowest sufficient speed, then the
shortest sufficient reach, then the id. A 400G link therefore gets the single-port 400G modules
(one module per link end, as the BOM counts them), an 800G link the 800G twin-port modules.
"""

import glob
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG_DIR = os.path.join(HERE, "..", "resources", "catalog")

RACK_PITCH_M = 0.6
ROW_SPACING_M = 3.0
IN_RACK_M = 1.5
VERTICAL_RUN_M = 1.5
SLACK = 1.10


# ---------------------------------------------------------------------------------------------
# Catalog


def load_catalog():
    entries = {}
    for path in sorted(glob.glob(os.path.join(CATALOG_DIR, "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for e in doc["entries"]:
            entries[e["id"]] = dict(e, kind=doc["kind"])
    return entries


CAT = load_catalog()


def cat(item_id, kind):
    e = CAT.get(item_id)
    if e is None or e["kind"] != kind:
        raise SystemExit("catalog: no %s entry %r" % (kind, item_id))
    return e


def port_group(item_id, name):
    for g in CAT[item_id].get("ports", []):
        if g["name"] == name:
            return g
    raise SystemExit("catalog: %s has no port group %r" % (item_id, name))


def nameplate_w(item_id):
    """Nameplate maximum power in W (as clusterforge-cli analyze sums it), or None."""
    e = CAT[item_id]
    if "max_power_w" in e:
        return float(e["max_power_w"])
    if "max_power_kw" in e:
        return float(e["max_power_kw"]) * 1000.0
    return None


# ---------------------------------------------------------------------------------------------
# Design building blocks (dicts built in the key order of docs/file-formats.md)


class Design:
    def __init__(self, name, description, site_name):
        self.name = name
        self.description = description
        self.site = {"name": site_name, "rack_pitch_m": RACK_PITCH_M, "voltage_v": 415}
        self.rows = []
        self.racks = []
        self.feeds = []
        self.cooling = []
        self.fabrics = [{"id": "compute", "name": "Compute", "kind": "compute"}]
        self.links = []
        self.scenarios = []
        self._row_by_id = {}
        self._rack_by_id = {}
        self._device_rack = {}  # device id -> rack dict
        self._device_cat = {}   # device id -> catalog id
        self._device_breakout = {}  # device id -> {(prefix, index): lanes}
        self._used_ports = set()     # (device id, port or lane name)
        self._physical_use = {}      # (device id, physical port) -> names used on it
        self._taken_positions = set()

    # -- layout --------------------------------------------------------------------------------
    def row(self, row_id, name, index, x_m=0.0):
        r = {"id": row_id, "name": name, "x_m": x_m, "y_m": round(index * ROW_SPACING_M, 3)}
        self.rows.append(r)
        self._row_by_id[row_id] = r
        return r

    def _take_position(self, row_id, position, what):
        key = (row_id, position)
        if key in self._taken_positions:
            raise SystemExit("position %d of %s is already taken (%s)" % (position, row_id, what))
        self._taken_positions.add(key)

    def rack(self, rack_id, name, row_id, position, power_limit_kw, catalog="rack-48u-600x1200"):
        cat(catalog, "rack")
        self._take_position(row_id, position, rack_id)
        r = {"id": rack_id, "name": name, "catalog": catalog, "row": row_id,
             "position": position, "power_limit_kw": power_limit_kw, "devices": []}
        self.racks.append(r)
        self._rack_by_id[rack_id] = r
        return r

    def device(self, rack, dev_id, catalog, u, face="front", feed=None, breakout=None):
        if CAT.get(catalog, {}).get("kind") not in ("server", "switch", "storage", "pdu"):
            raise SystemExit("catalog: %r is not mountable" % catalog)
        d = {"id": dev_id, "catalog": catalog, "u": u, "face": face}
        if feed is not None:
            d["feed"] = feed
        lanes = {}
        if breakout:
            d["breakout"] = dict(breakout)
            for rng, n in breakout.items():
                first, last = rng.split("-")
                prefix = first.rstrip("0123456789")
                for i in range(int(first[len(prefix):]), int(last[len(prefix):]) + 1):
                    lanes[(prefix, i)] = n
        rack["devices"].append(d)
        self._device_rack[dev_id] = rack
        self._device_cat[dev_id] = catalog
        self._device_breakout[dev_id] = lanes
        return d

    def feed(self, feed_id, name, side, current_a=60):
        self.feeds.append({"id": feed_id, "name": name, "side": side, "voltage_v": 415,
                           "phases": 3, "current_a": current_a})
        return feed_id

    def pdus(self, rack, sides, pdu="raritan-px3-5878i2r"):
        """Zero-U PDUs on the rear, each on its own 415 V 3-phase feed sized for the PDU."""
        spec = cat(pdu, "pdu")
        for k, side in enumerate(sides, start=1):
            feed_id = self.feed("%s-feed%d" % (rack["id"], k), "%s %s%d" % (rack["name"], side, k),
                                side, current_a=spec["current_a"])
            self.device(rack, "%s-pdu%d" % (rack["id"], k), pdu, 0, face="rear", feed=feed_id)

    def inrow_cooler(self, unit_id, row_id, position, catalog="inrow-chilled-water"):
        cat(catalog, "cooling")
        self._take_position(row_id, position, unit_id)
        self.cooling.append({"id": unit_id, "catalog": catalog, "row": row_id,
                             "position": position})

    def door_cooler(self, unit_id, rack_id, catalog):
        cat(catalog, "cooling")
        self.cooling.append({"id": unit_id, "catalog": catalog, "rack": rack_id})

    # -- ports and links -----------------------------------------------------------------------
    def port_speed_gbps(self, dev_id, port):
        whole, _, lane = port.partition("/")
        prefix = whole.rstrip("0123456789")
        index = int(whole[len(prefix):])
        g = port_group(self._device_cat[dev_id], prefix)
        if index < 1 or index > g["count"]:
            raise SystemExit("%s has no port %s" % (dev_id, port))
        lanes = self._device_breakout[dev_id].get((prefix, index), 1)
        if lanes == 1:
            if lane:
                raise SystemExit("%s %s is not broken out" % (dev_id, port))
            return g["speed_gbps"], g["connector"]
        if not lane or not 1 <= int(lane) <= lanes:
            raise SystemExit("%s %s: use lanes %s/1..%s/%d" % (dev_id, port, whole, whole, lanes))
        for b in g.get("breakout", []):
            if b["lanes"] == lanes:
                return b["speed_gbps"], g["connector"]
        raise SystemExit("%s %s cannot split into %d" % (dev_id, port, lanes))

    def rack_xy(self, rack):
        row = self._row_by_id[rack["row"]]
        return row["x_m"] + rack["position"] * RACK_PITCH_M, row["y_m"]

    def length_m(self, dev_a, dev_b):
        ra, rb = self._device_rack[dev_a], self._device_rack[dev_b]
        if ra is rb:
            return IN_RACK_M
        (xa, ya), (xb, yb) = self.rack_xy(ra), self.rack_xy(rb)
        raw = (abs(xa - xb) + abs(ya - yb) + 2 * VERTICAL_RUN_M) * SLACK
        return round(math.ceil(round(raw * 10, 6)) / 10.0, 1)

    def link(self, dev_a, port_a, dev_b, port_b):
        for dev, port in ((dev_a, port_a), (dev_b, port_b)):
            whole = port.split("/")[0]
            lanes = self._physical_use.setdefault((dev, whole), set())
            if port in lanes or whole in lanes or (port == whole and lanes):
                raise SystemExit("port in use: %s %s" % (dev, port))
            lanes.add(port)
            self._used_ports.add((dev, port))
        speed_a, conn_a = self.port_speed_gbps(dev_a, port_a)
        speed_b, conn_b = self.port_speed_gbps(dev_b, port_b)
        if speed_a != speed_b:
            raise SystemExit("speed mismatch %s %s / %s %s" % (dev_a, port_a, dev_b, port_b))
        length = self.length_m(dev_a, dev_b)
        medium = pick_medium(max(speed_a, speed_b), {conn_a, conn_b}, length)
        self.links.append({"id": "l%d" % (len(self.links) + 1),
                           "a": {"device": dev_a, "port": port_a},
                           "b": {"device": dev_b, "port": port_b},
                           "medium": medium, "length_m": length, "fabric": "compute"})

    def scenario(self, name, model, tokens, precision):
        self.scenarios.append({"id": "s%d" % (len(self.scenarios) + 1), "name": name,
                               "model": model, "tokens": tokens, "precision": precision})

    # -- output --------------------------------------------------------------------------------
    def to_json(self):
        return {"format": "clusterforge-design", "version": 2, "name": self.name,
                "description": self.description, "site": self.site, "rows": self.rows,
                "racks": self.racks, "power_feeds": self.feeds, "cooling_units": self.cooling,
                "fabrics": self.fabrics, "links": self.links, "scenarios": self.scenarios}

    def write(self, filename):
        path = os.path.join(HERE, filename)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(self.to_json(), indent=1) + "\n")
        return path

    # -- figures for the README and the self-checks --------------------------------------------
    def rack_nameplate_kw(self):
        out = {}
        for r in self.racks:
            w = 0.0
            for d in r["devices"]:
                if CAT[d["catalog"]]["kind"] == "pdu":
                    continue
                p = nameplate_w(d["catalog"])
                if p is None:
                    raise SystemExit("%s (%s) has no nameplate power" % (d["id"], d["catalog"]))
                w += p
            if w > r["power_limit_kw"] * 1000.0:
                raise SystemExit("%s: %.1f kW over its %s kW limit" % (r["id"], w / 1e3,
                                                                       r["power_limit_kw"]))
            out[r["id"]] = w / 1000.0
        return out

    def count(self, catalog):
        return sum(1 for r in self.racks for d in r["devices"] if d["catalog"] == catalog)


def pick_medium(speed_gbps, connectors, length):
    classes = [
        lambda m: m["type"] == "dac",
        lambda m: m["type"] == "transceiver" and m.get("fiber") == "mmf",
        lambda m: m["type"] == "transceiver" and m.get("fiber") == "smf",
    ]
    media = [m for m in CAT.values() if m["kind"] == "medium"
             and m.get("breakout_ends", 1) == 1 and m["connector"] in connectors
             and m.get("connector_far_end", m["connector"]) in connectors
             and m["speed_gbps"] >= speed_gbps and m["reach_m"] >= length]
    for in_class in classes:
        fits = sorted((m for m in media if in_class(m)),
                      key=lambda m: (m["speed_gbps"], m["reach_m"], m["id"]))
        if fits:
            return fits[0]["id"]
    raise SystemExit("no medium for %g Gb/s over %.1f m" % (speed_gbps, length))


def wire_all_compute_ports(design, dev_id):
    """Self-check: every compute-role port of a server is linked."""
    for g in CAT[design._device_cat[dev_id]].get("ports", []):
        if g["role"] != "compute":
            continue
        for i in range(1, g["count"] + 1):
            if (dev_id, "%s%d" % (g["name"], i)) not in design._used_ports:
                raise SystemExit("%s %s%d is not linked" % (dev_id, g["name"], i))


def link_kinds(design, classify):
    kinds = {}
    for l in design.links:
        k = classify(l["a"]["device"], l["b"]["device"])
        kinds[k] = kinds.get(k, 0) + 1
    return kinds


def media_counts(design):
    out = {}
    for l in design.links:
        out[l["medium"]] = out.get(l["medium"], 0) + 1
    return out


def report(design, path, kinds):
    racks = design.rack_nameplate_kw()
    print("%s" % os.path.relpath(path, os.path.join(HERE, "..")))
    print("  racks %d, links %d %s" % (len(design.racks), len(design.links), kinds))
    print("  media %s" % media_counts(design))
    print("  lengths %.1f..%.1f m" % (min(l["length_m"] for l in design.links),
                                      max(l["length_m"] for l in design.links)))
    by_kw = {}
    for rid, kw in racks.items():
        by_kw.setdefault(round(kw, 3), []).append(rid)
    for kw, ids in sorted(by_kw.items()):
        print("  %3d rack(s) at %.3f kW nameplate" % (len(ids), kw))
    print("  total nameplate %.3f kW" % sum(racks.values()))
    heat = sum(racks.values())
    cool = sum(cat(u["catalog"], "cooling")["capacity_kw"] for u in design.cooling)
    print("  cooling %d unit(s), %.0f kW capacity for %.1f kW" % (len(design.cooling), cool, heat))


# ---------------------------------------------------------------------------------------------
# Sample 1: a lab rack with 4 DGX H100 and one leaf


def lab():
    dgx, leaf = "nvidia-dgx-h100", "nvidia-qm9700"
    d = Design("Lab: 4 x DGX H100",
               "One 48U rack: 4 DGX H100 (32 x H100) on one Quantum-2 QM9700 NDR leaf, every "
               "400G compute port wired in-rack with passive copper; A/B zero-U PDUs and an "
               "active rear-door heat exchanger. Generated by samples/generate_samples.py.",
               "Lab")
    d.row("row-a", "A", 0)
    rack = d.rack("a01", "A01", "row-a", 0, power_limit_kw=45)
    for k in range(4):
        d.device(rack, "dgx-%02d" % (k + 1), dgx, 1 + 8 * k)
    d.device(rack, "leaf-01", leaf, 42, face="rear")
    # 2N: two 34.5 kVA PDUs per side, so either side alone carries the rack's 42.5 kW.
    d.pdus(rack, ["A", "A", "B", "B"])
    d.door_cooler("a01-door", "a01", "rdhx-active")
    n = port_group(dgx, "compute")["count"]
    for k in range(4):
        for i in range(1, n + 1):
            # DGX k compute cage c (ports 2c-1, 2c) lands on one twin-port leaf cage.
            d.link("dgx-%02d" % (k + 1), "compute%d" % i, "leaf-01", "p%d" % (n * k + i))
    for k in range(4):
        wire_all_compute_ports(d, "dgx-%02d" % (k + 1))
    d.scenario("Llama 3 8B fine-tune scale run", "llama3-8b", 100000000000, "bf16")

    assert d.count(dgx) == 4 and d.count(leaf) == 1 and len(d.links) == 32
    return d, link_kinds(d, lambda a, b: "dgx-leaf")


# ---------------------------------------------------------------------------------------------
# Shared row layout for the two large samples: 8 compute racks and one network rack in the
# middle, with in-row chilled-water coolers between pairs of racks (they take row positions).
#
#   position: 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14
#             I  C  C  I  C  C  I  N  I  C  C  I  C  C  I      (I = in-row cooler)

COMPUTE_POSITIONS = [1, 2, 4, 5, 9, 10, 12, 13]
NETWORK_POSITION = 7
COOLER_POSITIONS = [0, 3, 6, 8, 11, 14]
# The spine row stands in the middle of the hall; its racks face the network racks' position.
SPINE_RACK_POSITIONS = [6, 8]
SPINE_COOLER_POSITIONS = [5, 7]


# ---------------------------------------------------------------------------------------------
# Sample 2: DGX SuperPOD (DGX H100), 4 scalable units (NVIDIA RA-11333-001, Table 4)


def superpod():
    dgx, sw, ufm = "nvidia-dgx-h100", "nvidia-qm9700", "nvidia-ufm-appliance-ndr"
    sus, leaves_per_su, spines = 4, 8, 16
    # Published node counts 31 / 63 / 95 / 127 for 1-4 SU: the UFM takes the 32nd node slot
    # (p32 of leaves 1-4) in SU1 only, so SU1 holds 31 DGX and SU2-SU4 hold 32 each.
    dgx_per_su = [31, 32, 32, 32]
    rails = port_group(dgx, "compute")["count"]
    radix = port_group(sw, "p")["count"]
    down = radix // 2                 # p1..p32: node slots (31 DGX + the UFM slot)
    uplinks_per_spine = down // spines  # 2
    d = Design("DGX SuperPOD (DGX H100), 4 scalable units",
               "NVIDIA DGX SuperPOD reference architecture (RA-11333-001), 4 SU: 127 DGX H100 "
               "(1,016 GPUs; 31 in SU1, whose 32nd node slot serves UFM, 32 in SU2-SU4), rail-optimized two-tier NDR InfiniBand compute fabric of 32 leaf and "
               "16 spine QM9700, UFM HA pair on 4 SU1 leaves; 2,044 compute links. One row per SU "
               "(8 compute racks of 4 DGX, the last of SU1 with 3, and a network rack with the 8 leaves "
               "in the middle), a spine/management row of 2 racks, in-row chilled-water cooling. "
               "Generated by samples/generate_samples.py.",
               "Data hall")
    # Rows 3.0 m apart; the spine row in the middle of the hall to keep leaf-spine runs short.
    row_order = [("row-a", "A", "SU1"), ("row-b", "B", "SU2"), ("row-s", "S", "spine"),
                 ("row-c", "C", "SU3"), ("row-d", "D", "SU4")]
    for idx, (rid, name, _) in enumerate(row_order):
        d.row(rid, name, idx)
    su_rows = [r for r in row_order if r[2] != "spine"]

    leaf_ids = []
    for s, (rid, name, _) in enumerate(su_rows, start=1):
        letter = name.lower()
        for c in COOLER_POSITIONS:
            d.inrow_cooler("%s-irc%02d" % (letter, c), rid, c)
        dgx_ids = ["su%d-dgx%02d" % (s, j) for j in range(1, dgx_per_su[s - 1] + 1)]
        for r, pos in enumerate(COMPUTE_POSITIONS):
            rack = d.rack("%s%02d" % (letter, r + 1), "%s%02d" % (name, r + 1), rid, pos,
                          power_limit_kw=45)
            for k, dev in enumerate(dgx_ids[4 * r:4 * r + 4]):
                d.device(rack, dev, dgx, 1 + 8 * k)
            # The RA uses three PDUs per rack (Table 7: 96 PX3-5878I2R for 32 compute racks), N+1
            # at the PDU; ClusterForge checks 2N by feed side, so four: either side carries 40.8 kW.
            d.pdus(rack, ["A", "B", "A", "B"])
        net = d.rack("%s-net" % letter, "%s-NET" % name, rid, NETWORK_POSITION, power_limit_kw=20)
        leaves = []
        for i in range(1, leaves_per_su + 1):
            lid = "su%d-leaf%d" % (s, i)
            d.device(net, lid, sw, 15 + 2 * i, face="rear")  # U17, U19, ... U31
            leaves.append(lid)
        d.pdus(net, ["A", "B"])
        leaf_ids.append(leaves)
        # Rail-optimized: leaf i of the SU takes computeI of every DGX; DGX j uses port pj.
        for j, dev in enumerate(dgx_ids, start=1):
            for i, lid in enumerate(leaves, start=1):
                d.link(dev, "compute%d" % i, lid, "p%d" % j)

    spine_ids = ["spine%02d" % k for k in range(1, spines + 1)]
    ufm_ids = ["ufm-1", "ufm-2"]
    for c in SPINE_COOLER_POSITIONS:
        d.inrow_cooler("s-irc%02d" % c, "row-s", c)
    for r, pos in enumerate(SPINE_RACK_POSITIONS):
        rack = d.rack("s%02d" % (r + 1), "S%02d" % (r + 1), "row-s", pos, power_limit_kw=20)
        for k, sid in enumerate(spine_ids[8 * r:8 * r + 8]):
            d.device(rack, sid, sw, 17 + 2 * k, face="rear")  # U17, U19, ... U31
        d.device(rack, ufm_ids[r], ufm, 10)
        d.pdus(rack, ["A", "B"])

    # UFM HA pair: 2 appliances x 2 NDR ports on the 32nd node slot (p32) of SU1 leaves 1-4.
    ufm_ports = [(u, "ib%d" % p) for u in ufm_ids
                 for p in range(1, port_group(ufm, "ib")["count"] + 1)]
    for i, (u, p) in enumerate(ufm_ports, start=1):
        d.link(u, p, leaf_ids[0][i - 1], "p%d" % down)

    # Leaf-spine: leaf uplinks p33..p64, 2 to each of the 16 spines; spine ports in leaf order.
    all_leaves = [l for su in leaf_ids for l in su]
    for n, lid in enumerate(all_leaves):
        for k, sid in enumerate(spine_ids):
            for t in range(uplinks_per_spine):
                leaf_port = down + 1 + uplinks_per_spine * k + t
                spine_port = 1 + uplinks_per_spine * n + t
                d.link(lid, "p%d" % leaf_port, sid, "p%d" % spine_port)

    for s in range(1, sus + 1):
        for j in range(1, dgx_per_su[s - 1] + 1):
            wire_all_compute_ports(d, "su%d-dgx%02d" % (s, j))
    for u in ufm_ids:
        wire_all_compute_ports(d, u)
    d.scenario("Llama 3 70B pre-training", "llama3-70b", 15000000000000, "bf16")

    def kind(a, b):
        if a.startswith("ufm"):
            return "ufm-leaf"
        if "dgx" in a:
            return "dgx-leaf"
        return "leaf-spine"

    kinds = link_kinds(d, kind)
    # Published figures, reference-designs.json case "spod-h100-4su".
    assert d.count(dgx) == 127 and d.count(dgx) * rails == 1016
    assert d.count(sw) == 48 and len(all_leaves) == 32 and len(spine_ids) == 16
    assert kinds == {"dgx-leaf": 1016, "ufm-leaf": 4, "leaf-spine": 1024}
    assert len(d.links) == 2044 and len(d.racks) == 38
    assert sum(1 for r in d.racks if any(x["catalog"] == dgx for x in r["devices"])) == 32
    return d, kinds


# ---------------------------------------------------------------------------------------------
# Sample 3: 1,024 x MI300X on a rail-optimized 400G Ethernet Clos (SN5600)


def mi300x():
    srv, sw = "supermicro-as-8125gs-tnmr2", "nvidia-sn5600"
    servers, per_rack, groups, spines = 128, 4, 2, 8
    rails = port_group(srv, "compute")["count"]
    radix = port_group(sw, "p")["count"]           # 64 x 800G
    down_cages = radix // 2                       # p1..p32 split 2 x 400G = 64 downlinks
    per_group = servers // groups                 # 64 servers per leaf
    uplinks_per_spine = (radix - down_cages) // spines  # 4
    d = Design("1,024 x MI300X, rail-optimized 400G Ethernet",
               "128 Supermicro AS-8125GS-TNMR2 (8 x MI300X each, 1,024 GPUs), one 400G NIC per "
               "GPU. Rail-optimized non-blocking two-tier Clos on Spectrum-4 SN5600 (64 x 800G): "
               "16 leaves (rail r of servers 1-64 and of servers 65-128), p1-p32 broken out to "
               "64 x 400G downlinks, p33-p64 as 800G uplinks, 4 to each of 8 spines. 4 servers "
               "per rack, 32 compute racks in 4 rows with a network rack mid-row, 2 spine racks "
               "in a middle row, in-row chilled-water cooling. Generated by "
               "samples/generate_samples.py.",
               "Data hall")
    row_order = [("row-a", "A"), ("row-b", "B"), ("row-s", "S"), ("row-c", "C"), ("row-d", "D")]
    for idx, (rid, name) in enumerate(row_order):
        d.row(rid, name, idx)
    compute_rows = [r for r in row_order if r[1] != "S"]

    server_ids = ["gpu%03d" % n for n in range(1, servers + 1)]
    leaf = {}  # (group, rail) -> leaf id
    rails_per_net_rack = rails // 2
    for ri, (rid, name) in enumerate(compute_rows):
        letter = name.lower()
        for c in COOLER_POSITIONS:
            d.inrow_cooler("%s-irc%02d" % (letter, c), rid, c)
        for r, pos in enumerate(COMPUTE_POSITIONS):
            rack_no = ri * len(COMPUTE_POSITIONS) + r  # 0-based over all 32 racks
            rack = d.rack("%s%02d" % (letter, r + 1), "%s%02d" % (name, r + 1), rid, pos,
                          power_limit_kw=40)
            for k, sid in enumerate(server_ids[per_rack * rack_no:per_rack * (rack_no + 1)]):
                d.device(rack, sid, srv, 1 + 8 * k)
            # 6 x 3 kW PSUs in 3+3: A/B 2N needs 36 kW per side -> two 34.5 kVA PDUs per side.
            d.pdus(rack, ["A", "A", "B", "B"])
        # Rows A and B hold group 1 (servers 1-64), rows C and D group 2; the network rack of
        # the first row of a group takes rails 1-4, that of the second row rails 5-8.
        group = 1 + ri // 2
        first_rail = 1 + (ri % 2) * rails_per_net_rack
        net = d.rack("%s-net" % letter, "%s-NET" % name, rid, NETWORK_POSITION, power_limit_kw=15)
        for k in range(rails_per_net_rack):
            rail = first_rail + k
            lid = "leaf-g%d-r%d" % (group, rail)
            d.device(net, lid, sw, 17 + 4 * k, face="rear", breakout={"p1-p%d" % down_cages: 2})
            leaf[(group, rail)] = lid
        d.pdus(net, ["A", "B"])

    spine_ids = ["spine%d" % k for k in range(1, spines + 1)]
    for c in SPINE_COOLER_POSITIONS:
        d.inrow_cooler("s-irc%02d" % c, "row-s", c)
    per_spine_rack = spines // len(SPINE_RACK_POSITIONS)
    for r, pos in enumerate(SPINE_RACK_POSITIONS):
        rack = d.rack("s%02d" % (r + 1), "S%02d" % (r + 1), "row-s", pos, power_limit_kw=15)
        for k, sid in enumerate(spine_ids[per_spine_rack * r:per_spine_rack * (r + 1)]):
            d.device(rack, sid, sw, 17 + 4 * k, face="rear")
        d.pdus(rack, ["A", "B"])

    # Server n, rail r -> leaf (group, r), 400G lane: local index j -> p((j+1)//2)/(2 - j%2).
    for n, sid in enumerate(server_ids, start=1):
        group = 1 + (n - 1) // per_group
        j = n - (group - 1) * per_group
        for r in range(1, rails + 1):
            d.link(sid, "compute%d" % r, leaf[(group, r)], "p%d/%d" % ((j + 1) // 2, 2 - j % 2))
    # Leaf-spine: uplinks p33..p64, 4 to each spine; spine ports in leaf order.
    all_leaves = [leaf[(g, r)] for g in range(1, groups + 1) for r in range(1, rails + 1)]
    for m, lid in enumerate(all_leaves):
        for k, sid in enumerate(spine_ids):
            for t in range(uplinks_per_spine):
                d.link(lid, "p%d" % (down_cages + 1 + uplinks_per_spine * k + t),
                       sid, "p%d" % (1 + uplinks_per_spine * m + t))

    for sid in server_ids:
        wire_all_compute_ports(d, sid)
    d.scenario("Llama 3 70B pre-training", "llama3-70b", 2000000000000, "bf16")

    kinds = link_kinds(d, lambda a, b: "server-leaf" if a.startswith("gpu") else "leaf-spine")
    assert d.count(srv) == 128 and d.count(srv) * CAT[srv]["gpus"] == 1024
    assert len(all_leaves) == 16 and d.count(sw) == 24
    assert kinds == {"server-leaf": 1024, "leaf-spine": 512}
    # Non-blocking: per leaf 64 x 400G down = 32 x 800G up.
    assert 2 * down_cages * 400 == (radix - down_cages) * 800
    return d, kinds


def main():
    for build, filename in ((lab, "lab-4x-dgx-h100.cluster.json"),
                            (superpod, "dgx-h100-superpod-4su.cluster.json"),
                            (mi300x, "mi300x-1024.cluster.json")):
        design, kinds = build()
        path = design.write(filename)
        report(design, path, kinds)


if __name__ == "__main__":
    main()
