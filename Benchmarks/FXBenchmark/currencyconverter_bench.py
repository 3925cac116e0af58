#!/usr/bin/env python3
"""The peer of fx-benchmark: the PyPI package currencyconverter (decimal=True) on the same ECB history.

    python3 currencyconverter_bench.py once HISTORY.csv      load the history, convert one amount (a whole process)
    python3 currencyconverter_bench.py million HISTORY.csv N  N conversions over random days and pairs, timed
"""
import datetime, random, sys, time
from decimal import Decimal
from currency_converter import CurrencyConverter

mode, path = sys.argv[1], sys.argv[2]
converter = CurrencyConverter(path, decimal=True, fallback_on_missing_rate=False, fallback_on_wrong_date=False)
if mode == "once":
    print(converter.convert(Decimal("100"), "USD", "GBP", date=datetime.date(2010, 5, 5)))
else:
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    codes = ["USD", "JPY", "GBP", "CHF", "SEK", "NOK", "DKK", "CZK", "PLN", "HUF", "AUD", "CAD"]
    # Publication days (a weekend would fail without fallback), as in fx-benchmark.
    import csv
    days = [datetime.date.fromisoformat(row["Date"]) for row in csv.DictReader(open(path))
            if row["Date"] >= "2005" and row["USD"] != "N/A"]
    random.seed(20261127)
    inputs = [(Decimal(random.randint(1, 100_000_000)) / 100, random.choice(codes), random.choice(codes), random.choice(days))
              for _ in range(count)]
    start = time.perf_counter()
    for amount, a, b, day in inputs:
        converter.convert(amount, a, b, date=day)
    elapsed = time.perf_counter() - start
    print(f"{count} conversions in {elapsed:.3f} s ({elapsed / count * 1e9:.0f} ns each)")
