#!/usr/bin/env python3
"""Independent check of the SDK's conversions: computes expected results with the PyPI package currencyconverter
(decimal=True) on the same ECB history the SDK embeds, and writes them as a test fixture.

    pip install currencyconverter==0.18.23
    python3 Scripts/cross-check-conversions.py > Tests/TradeCreditECBTests/Fixtures/cross-check.csv

currencyconverter computes amount / rate_from * rate_to in Python's Decimal (28 significant digits); the script
rounds that once, half up, to the target currency's ISO 4217 minor units (read from the SDK's own table). The SDK
computes the same quotient exactly; the two agree unless an exact result lies within 1e-20 of a rounding tie, which
random amounts do not produce.
"""
import csv, datetime, io, random, re, sys, tempfile
from decimal import Decimal, ROUND_HALF_UP
from currency_converter import CurrencyConverter

root = __file__.rsplit("/Scripts/", 1)[0]
swift = open(root + "/Sources/Adapters/ECBRates/Embedded/ECBEmbeddedHistoryData.swift").read()
history = swift[swift.index('#"""\n') + 5: swift.rindex('"""#')]
table = open(root + "/Sources/TradeCreditModel/Reference/ISO4217Table.swift").read()
minor = {m.group(1): int(m.group(2)) for m in re.finditer(r"^([A-Z]{3}),\d+,(\d*),", table, re.M) if m.group(2)}

with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write(history)
    path = f.name
converter = CurrencyConverter(path, decimal=True, fallback_on_missing_rate=False, fallback_on_wrong_date=False)

rows = list(csv.DictReader(io.StringIO(history)))
random.seed(20261127)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["date", "from", "to", "amount", "expected"])
written = 0
while written < 5000:
    row = random.choice(rows)
    quoted = [c for c, v in row.items() if c and c != "Date" and v not in ("N/A", "", None)] + ["EUR"]
    a, b = random.sample(quoted, 2)
    if a not in minor or b not in minor:
        continue
    scale = minor[a]
    units = random.choice([random.randint(1, 999), random.randint(1, 10**6), random.randint(1, 10**10)])
    amount = (Decimal(units) / (Decimal(10) ** scale)).quantize(Decimal(1).scaleb(-scale))
    day = datetime.date.fromisoformat(row["Date"])
    value = converter.convert(amount, a, b, date=day)
    expected = value.quantize(Decimal(1).scaleb(-minor[b]), rounding=ROUND_HALF_UP)
    out.writerow([row["Date"], a, b, str(amount), str(expected)])
    written += 1
