#!/usr/bin/env bash
# Runs the currency-conversion benchmark and its peer (currencyconverter) in one go. From the package root:
#   pip install currencyconverter==0.18.23; apt-get install -y hyperfine
#   swift build -c release --package-path Benchmarks/FXBenchmark && Benchmarks/FXBenchmark/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(swift build -c release --package-path "$here" --show-bin-path)/fx-benchmark
history=$(mktemp --suffix .csv)
# The same history the SDK embeds, extracted from its source.
python3 - "$here/../../Sources/Adapters/ECBRates/Embedded/ECBEmbeddedHistoryData.swift" "$history" <<'PY'
import sys
text = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(text[text.index('#"""\n') + 5:text.rindex('"""#')])
PY
echo "== whole process: load and index the full history, convert one amount"
hyperfine --warmup 3 --runs 20 -N "$bin once" "python3 $here/currencyconverter_bench.py once $history"
echo "== one million conversions in process"
for run in 1 2 3; do "$bin" million 1000000; done
for run in 1 2 3; do python3 "$here/currencyconverter_bench.py" million "$history" 1000000; done
rm -f "$history"
