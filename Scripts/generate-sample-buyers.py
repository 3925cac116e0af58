#!/usr/bin/env python3
"""Writes the embedded sample buyers (fictional companies, identifiers with valid check digits).

Run from the package root: python3 Scripts/generate-sample-buyers.py > Sources/TradeCredit/Samples/SampleBuyers.swift
The identifiers are made up: they pass the SIREN/SIRET Luhn, LEI MOD 97-10 and French VAT key checks but do not
designate real companies.
"""
import random

random.seed(20261127)

def luhn_complete(body):
    for d in range(10):
        s = body + str(d)
        total = 0
        for i, c in enumerate(reversed(s)):
            n = int(c)
            if i % 2 == 1:
                n *= 2
                if n > 9: n -= 9
            total += n
        if total % 10 == 0:
            return s
    raise ValueError

def siren():
    return luhn_complete("".join(random.choice("0123456789") for _ in range(8)).replace("0", "1", 1))

def fr_vat(s):
    return "FR%02d%s" % ((12 + 3 * (int(s) % 97)) % 97, s)

def lei():
    body = "9695" + "00" + "".join(random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(12))
    num = int("".join(str(int(c, 36)) for c in body + "00"))
    return body + "%02d" % (98 - num % 97)

def duns():
    return "".join(random.choice("0123456789") for _ in range(9))

def digits(n):
    return str(random.randint(1, 9)) + "".join(random.choice("0123456789") for _ in range(n - 1))

rows = [
    # id, name, country, identifiers, category, sector, incorporated, related, group, limit, currency, terms, turnover
    ("B001", "Atelier Moreau SAS", "FR", "fr", "business", "C25", "1998-04-14", "", "", "150000", "EUR", 60, "900000"),
    ("B002", "Bâtiments Lefèvre SARL", "FR", "fr", "business", "F41", "2024-09-02", "", "", "80000", "EUR", 90, "400000"),
    ("B003", "Distribution Garnier SA", "FR", "fr+lei", "business", "G46", "1985-01-21", "", "GRP-GARNIER", "500000", "EUR", 60, "3000000"),
    ("B004", "Garnier Logistique SAS", "FR", "fr", "business", "H49", "2003-06-30", "", "GRP-GARNIER", "120000", "EUR", 45, "700000"),
    ("B005", "Transports Roux et Fils", "FR", "fr", "business", "H49", "2011-11-08", "", "", "60000", "EUR", 30, "350000"),
    ("B006", "Maschinenbau Keller GmbH", "DE", "de+lei", "business", "C28", "1979-03-01", "", "", "400000", "EUR", 60, "2400000"),
    ("B007", "Bauunternehmen Hoffmann KG", "DE", "de", "business", "F42", "2015-05-19", "", "", "200000", "EUR", 90, "1100000"),
    ("B008", "Elektro Schulz AG", "DE", "de", "business", "G47", "1992-10-12", "", "", "90000", "EUR", 30, "600000"),
    ("B009", "Costruzioni Bianchi S.p.A.", "IT", "it", "business", "F41", "2001-02-27", "", "", "250000", "EUR", 120, "1300000"),
    ("B010", "Tessile Romano S.r.l.", "IT", "it", "business", "C13", "2019-07-15", "", "", "70000", "EUR", 90, "420000"),
    ("B011", "Alimentación García S.L.", "ES", "es", "business", "C10", "2008-03-03", "", "", "110000", "EUR", 60, "650000"),
    ("B012", "Muebles Fernández S.A.", "ES", "es", "business", "C31", "1996-12-09", "", "", "95000", "EUR", 90, "520000"),
    ("B013", "Van Dijk Groothandel B.V.", "NL", "nl+lei", "business", "G46", "1988-08-22", "", "", "300000", "EUR", 30, "2000000"),
    ("B014", "Peeters Chemie NV", "BE", "be", "business", "C20", "2005-04-18", "", "", "180000", "EUR", 60, "1000000"),
    ("B015", "Hughes Engineering Ltd", "GB", "gb", "business", "C28", "1990-05-11", "", "", "220000", "GBP", 60, "1400000"),
    ("B016", "Clarke Builders Ltd", "GB", "gb", "business", "F43", "2025-01-20", "", "", "50000", "GBP", 60, "300000"),
    ("B017", "MacLeod Whisky Traders Ltd", "GB", "gbsc", "business", "G46", "2010-09-06", "", "", "130000", "GBP", 45, "800000"),
    ("B018", "Ulster Agri Supplies Ltd", "GB", "gbni", "business", "G46", "2013-02-14", "", "", "60000", "GBP", 30, "380000"),
    ("B019", "Harbor Appliance Corp", "US", "us", "business", "C27", "1972-06-01", "", "", "600000", "USD", 60, "4200000"),
    ("B020", "Prairie Building Supply Inc", "US", "us", "business", "G46", "2017-10-23", "", "", "250000", "USD", 90, "1600000"),
    ("B021", "Nowak Meble Sp. z o.o.", "PL", "pl", "business", "C31", "2009-11-30", "", "", "400000", "PLN", 60, "2500000"),
    ("B022", "Kowalski Budownictwo S.A.", "PL", "pl", "business", "F41", "2022-03-14", "", "", "300000", "PLN", 90, "1800000"),
    ("B023", "Huber Präzision AG", "CH", "ch", "business", "C26", "1983-07-07", "", "", "350000", "CHF", 30, "2100000"),
    ("B024", "Lindqvist Trä AB", "SE", "se", "business", "C16", "1999-09-09", "", "", "1200000", "SEK", 60, "7000000"),
    ("B025", "Yamada Trading Co., Ltd.", "JP", "jp", "business", "G46", "1965-04-01", "", "", "20000000", "JPY", 90, "150000000"),
    ("B026", "Silva Importadora Ltda", "BR", "br", "business", "G46", "2012-08-17", "", "", "150000", "USD", 120, "900000"),
    ("B027", "Papadopoulos Trading S.A.", "GR", "gr", "business", "G46", "2004-05-25", "", "", "80000", "EUR", 90, "450000"),
    ("B028", "Commune de Saint-Aubin", "FR", "fr", "publicBody", "O84", "", "", "", "40000", "EUR", 30, "150000"),
    ("B029", "Association Sportive Bleue", "FR", "fr", "institution", "S94", "1975-01-01", "", "", "10000", "EUR", 30, "30000"),
    ("B030", "Jean Martin", "FR", "", "individual", "", "", "", "", "5000", "EUR", 30, "12000"),
    ("B031", "Moreau Holding Filiale SAS", "FR", "fr", "business", "M70", "2016-02-02", "yes", "", "100000", "EUR", 60, "500000"),
    ("B032", "Novák Strojírny s.r.o.", "CZ", "cz", "business", "C28", "2006-10-10", "", "", "2500000", "CZK", 60, "15000000"),
    ("B033", "Andersen Byg ApS", "DK", "dk", "business", "F41", "2020-06-06", "", "", "500000", "DKK", 60, "3000000"),
]

def identifiers(kind):
    out = []
    for part in kind.split("+") if kind else []:
        if part == "fr":
            s = siren(); out += ["siren:" + s, "vat:" + fr_vat(s)]
        elif part == "lei": out.append("lei:" + lei())
        elif part == "de": out += ["vat:DE" + digits(9), "registry:RA000242:HRB " + digits(5)]
        elif part == "it": out.append("vat:IT" + digits(11))
        elif part == "es": out.append("vat:ESB" + digits(8))
        elif part == "nl": out.append("vat:NL" + digits(9) + "B01")
        elif part == "be": out.append("vat:BE0" + digits(9))
        elif part == "gb": out += ["gb-crn:0" + digits(7), "vat:GB" + digits(9)]
        elif part == "gbsc": out.append("gb-crn:SC" + digits(6))
        elif part == "gbni": out += ["gb-crn:NI" + digits(6), "vat:XI" + digits(9)]
        elif part == "us": out.append("duns:" + duns())
        elif part == "pl": out.append("vat:PL" + digits(10))
        elif part == "ch": out.append("vat:CHE" + digits(9))
        elif part == "se": out.append("vat:SE" + digits(10) + "01")
        elif part == "jp": out.append("duns:" + duns())
        elif part == "br": out += ["duns:" + duns(), "provider:insurer-buyer-id:BR-" + digits(6)]
        elif part == "gr": out.append("vat:EL" + digits(9))
        elif part == "cz": out.append("vat:CZ" + digits(8))
        elif part == "dk": out.append("vat:DK" + digits(8))
    return ";".join(out)

def cell(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',";') else v

lines = ["id,legal_name,country,identifiers,category,sector,incorporation_date,related_party,group,requested_limit,currency,payment_terms_days,expected_turnover"]
for r in rows:
    fields = [r[0], r[1], r[2], identifiers(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12]]
    lines.append(",".join(cell(f) for f in fields))

print("""// Generated by Scripts/generate-sample-buyers.py: fictional buyers whose identifiers pass the check-digit rules
// (SIREN Luhn, French VAT key, LEI MOD 97-10) but designate no real company.

extension SampleData {
    /// The sample buyers file (the buyers-file format of Documentation/CLI.md): %d fictional buyers across %d
    /// countries, %d currencies and %d NACE sections, with a public body, an institution, a consumer and a
    /// related party to show what a policy does not cover.
    public static let buyersCSV = #\"\"\"""" % (len(rows), len({r[2] for r in rows}), len({r[10] for r in rows}), len({r[5][0] for r in rows if r[5]})))
print("\n".join(lines))
print('''"""#
}''')
