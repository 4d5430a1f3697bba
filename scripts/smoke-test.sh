#!/usr/bin/env bash
# End-to-end checks through the ./saep launcher, as a user runs it: version, dataset summary, a corrupt
# file, a small search, evaluation reproducing the report, a usage error, and a comparison on a local Spark
# cluster (the launcher's --spark path). Run by `./saep test`.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
saep="$root/saep"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # name, then a command that must succeed
  local name="$1"; shift
  if "$@" >"$work/last.out" 2>"$work/last.err"; then
    passed=$((passed + 1)); echo "  ok    $name"
  else
    failed=$((failed + 1)); echo "  FAIL  $name"; sed 's/^/        /' "$work/last.out" "$work/last.err" | tail -n 15
  fi
}
mkdir -p "$work/data/fashion-mnist"
cp "$root"/saep-core/src/test/resources/fixtures/fashion-mnist-small/*.gz "$work/data/fashion-mnist/"

echo "smoke tests through ./saep:"
check "--version names the version" bash -c "'$saep' --version | grep -q '^saep '"
check "datasets show prints sizes" bash -c "'$saep' datasets show idx:$work/data/fashion-mnist | grep -q 'train     1000 samples'"
mkdir -p "$work/bad" && cp "$work"/data/fashion-mnist/*.gz "$work/bad/" && printf '\x01\x02\x08\x03' > "$work/bad/train-images-idx3-ubyte" && rm "$work/bad/train-images-idx3-ubyte.gz"
check "a corrupt file is one error line, exit 1" bash -c "'$saep' datasets show idx:$work/bad 2>'$work/e'; test \$? -eq 1 && test \$(wc -l <'$work/e') -eq 1 && grep -q '^error: .*bad magic number' '$work/e'"
check "a bad option is a usage error, exit 2" bash -c "'$saep' search --data fashion-mnist --alpha 7 --out '$work/x' 2>'$work/e'; test \$? -eq 2 && grep -q '^error: --alpha must be in' '$work/e'"
check "a small search writes its outputs" bash -c "'$saep' search --data fashion-mnist --data-dir '$work/data' --method pie --iterations 4 --steps 160 --quiet --out '$work/run' && test -s '$work/run/report.json' && test -s '$work/run/iterations.csv' && test -s '$work/run/ensemble/manifest.json'"
check "evaluate reproduces the report's accuracy" bash -c "acc=\$(grep -m1 -A1 '\"final\"' '$work/run/report.json' | grep -o '[0-9.]*\$'); '$saep' evaluate --model '$work/run/ensemble' --data fashion-mnist --data-dir '$work/data' --json | grep -q \"\\\"accuracy\\\" : \$acc\""
check "compare --spark on a local cluster equals the local compare" bash -c "'$saep' compare --data fashion-mnist --data-dir '$work/data' --methods adanet,pap --seeds 1 --iterations 2 --steps 200 --quiet --out '$work/cl' >/dev/null && '$saep' compare --data fashion-mnist --data-dir '$work/data' --methods adanet,pap --seeds 1 --iterations 2 --steps 200 --quiet --spark 'local-cluster[2,1,1024]' --out '$work/cs' >/dev/null && diff <(cut -d, -f1-7,9- '$work/cl/comparison.csv') <(cut -d, -f1-7,9- '$work/cs/comparison.csv')"
echo "smoke: $passed passed, $failed failed"
test "$failed" -eq 0
