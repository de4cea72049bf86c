#!/usr/bin/env python3
"""Derives GreenTrain's embedded carbon tables from the upstream data files.

Usage: derive_tables.py <data dir laid out like shared/data> <output dir>

Writes grid-intensity.csv and hardware-tdp.csv (the files under
exporter/src/main/resources/io/greentrain/exporter/carbon/). Not run by the build: the outputs are
committed, and this script documents exactly how each number was derived (units, conversions, filters).
"""
import csv
import json
import os
import sys

LBS_PER_MWH_TO_G_PER_KWH = 0.453592          # codecarbon EmissionsPerKWh.from_lbs_per_mWh
# codecarbon's fossil factors for the Canadian provincial mix (kgCO2/kWh -> g/kWh); other sources count 0
CANADA_FACTORS = {"coal": 995.725971, "petroleum": 816.6885263, "naturalGas": 743.8415916}
CANADA_CODES = {
    "british columbia": "BC", "alberta": "AB", "saskatchewan": "SK", "manitoba": "MB", "ontario": "ON",
    "quebec": "QC", "new brunswick": "NB", "nova scotia": "NS", "prince edward island": "PE",
    "newfoundland and labrador": "NL", "yukon": "YT", "northwest territories": "NT", "nunavut": "NU",
}
# OWID alpha-3 codes that carbontracker's alpha-2 table does not list (ISO 3166-1)
EXTRA_ALPHA2 = {
    "BOL": "BO", "BRN": "BN", "CIV": "CI", "COD": "CD", "CPV": "CV", "FLK": "FK", "IRN": "IR", "KOR": "KR",
    "LAO": "LA", "MDA": "MD", "PRK": "KP", "PSE": "PS", "REU": "RE", "RUS": "RU", "SHN": "SH", "SYR": "SY",
    "TLS": "TL", "TUR": "TR", "TWN": "TW", "TZA": "TZ", "VEN": "VE", "VGB": "VG", "VIR": "VI", "VNM": "VN",
}
COUNTRY_ALIASES = {"GBR": ["UK"]}


def mlco2_dataset(source):
    s = source.lower()
    if "egrid" in s:
        return "mlco2-impact/egrid-2016"
    if "carbonfootprint.com/docs/2018" in s:
        return "mlco2-impact/carbonfootprint-2018"
    if "electricitymap" in s:
        return "mlco2-impact/electricitymap-2019"
    return "mlco2-impact-2019"


def fmt(x):
    return ("%.1f" % x).rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else str(int(round(x)))


def main(data, out):
    per_source = json.load(open(os.path.join(data, "codecarbon/carbon_intensity_per_source.json"), encoding="utf-8"))
    # codecarbon's world average (IEA Global Energy & CO2 Status Report 2019): the zone when none is configured
    rows = [["world", "", "world", "World average", "", fmt(per_source["world_average"]), "iea-2019"]]
    energy_mix = json.load(open(os.path.join(data, "codecarbon/global_energy_mix.json"), encoding="utf-8"))
    alpha2 = {r["Code"]: r["alpha-2"] for r in
              csv.DictReader(open(os.path.join(data, "carbontracker/carbon-intensities.csv"), encoding="utf-8"))}
    alpha2.update(EXTRA_ALPHA2)
    name_to_alpha3 = {v["country_name"]: k for k, v in energy_mix.items()}
    name_to_alpha3["USA"] = "USA"
    for a3, v in sorted(energy_mix.items()):
        a2 = alpha2.get(a3)
        if not a2:
            raise SystemExit("no alpha-2 for " + a3)
        aliases = [a3] + COUNTRY_ALIASES.get(a3, [])
        rows.append([a2, " ".join(aliases), "country", v["country_name"], a3, fmt(v["carbon_intensity"]),
                     "owid-%d" % v["year"]])

    usa = json.load(open(os.path.join(data, "codecarbon/usa_emissions_2016.json"), encoding="utf-8"))
    for state, v in sorted(((k, v) for k, v in usa.items() if not k.startswith("_")), key=lambda kv: kv[1]["regionCode"]):
        rows.append(["US-" + v["regionCode"], "", "region", state.title(), "USA",
                     fmt(v["emissions"] * LBS_PER_MWH_TO_G_PER_KWH), "egrid-2016"])

    canada = json.load(open(os.path.join(data, "codecarbon/canada_energy_mix_2023.json"), encoding="utf-8"))
    for province, mix in sorted(canada.items(), key=lambda kv: CANADA_CODES[kv[0]]):
        g = sum(mix.get(k, 0.0) / 100.0 * f for k, f in CANADA_FACTORS.items())
        rows.append(["CA-" + CANADA_CODES[province], "", "region", province.title(), "CAN", fmt(g), "canada-mix-2023"])

    nordic = json.load(open(os.path.join(data, "codecarbon/nordic_emissions.json"), encoding="utf-8"))["data"]
    for zone, v in sorted(nordic.items()):
        if len(zone) == 2:
            continue  # FI is a country: the OWID row covers it
        country = zone[:2]
        rows.append([country + "-" + zone, zone, "region", v["description"], {"SE": "SWE", "NO": "NOR"}[country],
                     fmt(v["emission_factor"]), "entsoe-nordic-%d" % v["year"]])

    gcp = list(csv.DictReader(open(os.path.join(data, "codecarbon/cloud_impact.csv"), encoding="utf-8-sig")))
    seen = set()
    for r in gcp:
        region = r["region"].replace("me-cenrtal1", "me-central1")  # upstream typo
        seen.add(region)
        rows.append(["gcp:" + region, "", "cloud", r["city"] or r["regionName"] or r["country_name"],
                     r["countryIsoCode"], fmt(float(r["impact"])), "gcp-2024"])
    for r in csv.DictReader(open(os.path.join(data, "mlco2-impact/impact.csv"), encoding="utf-8")):
        if not r["region"].strip() or (r["provider"] == "gcp" and r["region"] in seen):
            continue
        country = name_to_alpha3.get(r["country"])
        if not country:
            raise SystemExit("no alpha-3 for " + r["country"])
        rows.append([r["provider"] + ":" + r["region"].strip(), "", "cloud",
                     r["city"] or r["regionName"] or r["country"], country, fmt(float(r["impact"])),
                     mlco2_dataset(r["source"])])

    with open(os.path.join(out, "grid-intensity.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("# Grid carbon intensity in gCO2e/kWh per zone. Generated by derive_tables.py; see NOTICE.\n")
        f.write("# dataset iea-2019: world average from codecarbon carbon_intensity_per_source.json (IEA 2019)\n")
        f.write("# dataset owid-YYYY: Our World in Data (CC BY 4.0) via codecarbon global_energy_mix.json, data year YYYY\n")
        f.write("# dataset egrid-2016: US EPA eGRID 2016 via codecarbon usa_emissions.json, lbs/MWh x 0.453592\n")
        f.write("# dataset canada-mix-2023: codecarbon canada_energy_mix.json, fossil shares x codecarbon factors\n")
        f.write("# dataset entsoe-nordic-YYYY: codecarbon nordic_emissions.json (ENTSO-E historical averages)\n")
        f.write("# dataset gcp-2024: Google Cloud region carbon data via codecarbon cloud/impact.csv (2024-07)\n")
        f.write("# dataset mlco2-impact*: mlco2/impact data/impact.csv (ML CO2 Impact calculator), original source noted\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["zone", "aliases", "kind", "name", "country", "g_per_kwh", "dataset"])
        w.writerows(rows)

    hw = []
    for r in csv.DictReader(open(os.path.join(data, "mlco2-impact/gpus.csv"), encoding="utf-8")):
        hw.append([r["name"].strip(), r["type"].strip(), fmt(float(r["tdp_watts"])), "mlco2-impact"])
    gpu_names = {h[0].lower() for h in hw}
    for r in csv.DictReader(open(os.path.join(data, "codecarbon/cpu_power.csv"), encoding="utf-8")):
        tdp = r["TDP"].strip()
        parts = tdp.split(".")
        if len(parts) == 3:  # "27.29.5" encodes the range 27-29.5 W: take the midpoint, as carbontracker does
            lo, hi = float(parts[0]), float(parts[1] + "." + parts[2])
            watts = (lo + hi) / 2
        else:
            watts = float(tdp)
        if watts <= 0 or r["Name"].strip().lower() in gpu_names:
            continue
        hw.append([r["Name"].strip(), "cpu", fmt(watts), "codecarbon"])
    with open(os.path.join(out, "hardware-tdp.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("# Thermal design power in watts per device (GPU/TPU board, CPU socket). Generated by derive_tables.py.\n")
        f.write("# dataset mlco2-impact: mlco2/impact data/gpus.csv; codecarbon: codecarbon data/hardware/cpu_power.csv\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "type", "watts", "dataset"])
        w.writerows(hw)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
