#!/usr/bin/env bash
# Runs the premium-quote benchmark and its Python peer in one go, on the same portfolio. From anywhere:
#   python3 -c "import numpy" || pip install numpy
#   Benchmarks/QuoteBenchmark/run.sh [runs]
# See Documentation/Benchmarks.md, section 3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
swift build -c release --package-path "$here" >&2
bin=$(swift build -c release --package-path "$here" --show-bin-path)/quote-benchmark
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== TradeCredit: QuoteEngine.quote, 100,000 buyers"
"$bin" --buyers 100000 --runs "$runs" --csv "$work/portfolio.csv" --figures "$work/figures.txt"
echo
echo "== peer: Python + numpy, the same quote's core on the same portfolio"
python3 "$here/creditriskplus_peer.py" "$work/portfolio.csv" --runs "$runs" --check "$work/figures.txt"
