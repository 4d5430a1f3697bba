#!/usr/bin/env bash
# End-to-end checks through the ./saep launcher, as a user runs it: version, dataset summary, a corrupt
# file, a small search, the launcher through symlinks, Ctrl-C and resuming, evaluation reproducing the report, a
# usage error, a comparison on a local Spark cluster (the launcher's --spark path), the Java API's QuickStart and
# QuickRegression, and a layer plug-in from outside the project (--plugins). Run by `./saep test`.
# Searches name --model dnn (the paper's space): the smoke tests check the launcher and the files, not the default space.
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
check "a corrupt file is one error line, exit 3" bash -c "'$saep' datasets show idx:$work/bad 2>'$work/e'; test \$? -eq 3 && test \$(wc -l <'$work/e') -eq 1 && grep -q '^error: .*bad magic number' '$work/e'"
check "a bad option is a usage error, exit 2" bash -c "'$saep' search --data fashion-mnist --alpha 7 --out '$work/x' 2>'$work/e'; test \$? -eq 2 && grep -q '^error: --alpha must be in' '$work/e'"
check "a small search writes its outputs" bash -c "'$saep' search --model dnn --data fashion-mnist --data-dir '$work/data' --method pie --iterations 4 --steps 160 --quiet --out '$work/run' && test -s '$work/run/report.json' && test -s '$work/run/iterations.csv' && test -s '$work/run/ensemble/manifest.json'"
mkdir -p "$work/bin" "$work/links" && ln -s "$saep" "$work/links/saep" && ln -s ../links/saep "$work/bin/saep"
check "./saep called through a chain of symlinks (one relative) finds its checkout" bash -c "'$work/bin/saep' --version | grep -q '^saep '"
# Ctrl-C in a terminal reaches the whole process group (the launcher's stderr filter too); set -m gives the job a group
# of its own, as a terminal's shell does, and SIGINT is sent to that group. A shell that starts this script in the
# background without job control (`cmd &`, as under nohup) leaves SIGINT ignored, which stays ignored through exec: the
# JVM then installs no handler and the search runs to its end (exit 0). env --default-signal=INT (GNU coreutils 8.31
# and later) gives the search the default a terminal's would have.
reset_int=""
env --default-signal=INT true 2>/dev/null && reset_int="env --default-signal=INT"
check "Ctrl-C through ./saep exits 130 naming the resume command; a rerun is refused naming it; it resumes" bash -c "set -m
  $reset_int '$saep' search --model dnn --data fashion-mnist --data-dir '$work/data' --iterations 4 --steps 40000 --quiet --out '$work/int' >/dev/null 2>'$work/int.err' &
  job=\$!
  for _ in \$(seq 600); do [ -f '$work/int/checkpoint/state.json' ] && break; sleep 0.1; done
  kill -INT -- -\$job; wait \$job; rc=\$?
  test \$rc -eq 130 && grep -q '^interrupted (SIGINT): .*can be resumed with: saep search --resume $work/int\$' '$work/int.err' || exit 1
  '$saep' search --model dnn --data fashion-mnist --data-dir '$work/data' --iterations 4 --steps 40000 --quiet --out '$work/int' 2>'$work/e'
  test \$? -eq 2 && grep -q 'holds an interrupted search: continue it with saep search --resume $work/int, or pass --overwrite' '$work/e' || exit 1
  '$saep' search --resume '$work/int' --quiet >/dev/null && test -s '$work/int/report.json'"
check "evaluate reproduces the report's accuracy" bash -c "acc=\$(grep -m1 -A1 '\"final\"' '$work/run/report.json' | grep -o '[0-9.]*\$'); '$saep' evaluate --model '$work/run/ensemble' --data fashion-mnist --data-dir '$work/data' --json | grep -q \"\\\"accuracy\\\" : \$acc\""
check "compare --spark on a local cluster equals the local compare" bash -c "'$saep' compare --model dnn --data fashion-mnist --data-dir '$work/data' --methods adanet,pap --seeds 1 --iterations 2 --steps 200 --quiet --out '$work/cl' >/dev/null && '$saep' compare --model dnn --data fashion-mnist --data-dir '$work/data' --methods adanet,pap --seeds 1 --iterations 2 --steps 200 --quiet --spark 'local-cluster[2,1,1024]' --out '$work/cs' >/dev/null && diff <(cut -d, -f1-7,9- '$work/cl/comparison.csv') <(cut -d, -f1-7,9- '$work/cs/comparison.csv')"
# The Java API's QuickStart and QuickRegression (README "Java API"), launched as single source files against the
# built saep-core jar and its dependencies' class path (written by the first check), exactly as the README says.
core_jar="$(ls "$root"/saep-core/target/saep-core-*.jar 2>/dev/null | grep -v -e '-tests\.jar$' -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)"
check "examples/java/QuickStart.java runs against saep-core and prints an accuracy" bash -c "mvn -B -q -o -f '$root/pom.xml' -pl saep-core dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile='$work/core-cp.txt' && java --add-modules jdk.incubator.vector -cp '$core_jar':\$(cat '$work/core-cp.txt') '$root/examples/java/QuickStart.java' 2>/dev/null | grep -Eq '^test accuracy 0\.[0-9]{4} with [0-9]+ members\$'"
check "examples/java/QuickRegression.java runs against saep-core and prints its RMSE" bash -c "java --add-modules jdk.incubator.vector -cp '$core_jar':\$(cat '$work/core-cp.txt') '$root/examples/java/QuickRegression.java' 2>/dev/null | grep -Eq '^test RMSE [0-9]+\.[0-9]{4} \(mean predictor [0-9]+\.[0-9]{4}\), R2 0\.9[0-9]{3} with [0-9]+ members\$'"
# A third-party layer (examples/plugins/layer-norm): built on its own against the installed saep-core (its gradient
# check runs with it), then searched, exported and used through --plugins; without the plug-in the ensemble is refused.
plugin="$root/examples/plugins/layer-norm"
check "the layer-norm plug-in builds and passes its gradient check" mvn -B -q -o -f "$plugin/pom.xml" package
check "a search with the plug-in's layer_norm writes its outputs" bash -c "'$saep' search --plugins '$plugin/target' --space '$plugin/layer-norm-mlp.json' --data fashion-mnist --data-dir '$work/data' --iterations 2 --steps 100 --quiet --out '$work/ln' && grep -q '\"layer_norm\"' '$work/ln/ensemble/manifest.json'"
check "export and predict with the plug-in" bash -c "'$saep' export --plugins '$plugin/target' --model '$work/ln/ensemble' --out '$work/ln.onnx' && test -s '$work/ln.onnx' && '$saep' predict --plugins '$plugin/target' --model '$work/ln/ensemble' --data fashion-mnist --data-dir '$work/data' --out '$work/ln.csv' && test \$(wc -l <'$work/ln.csv') -gt 1"
check "predict without the plug-in is one error line naming layer_norm" bash -c "'$saep' predict --model '$work/ln/ensemble' --data fashion-mnist --data-dir '$work/data' --out '$work/ln2.csv' 2>'$work/e'; test \$? -eq 3 && test \$(wc -l <'$work/e') -eq 1 && grep -q \"^error: .*layer type 'layer_norm' (not installed: add its plug-in with --plugins DIR\" '$work/e'"
check "--plugins naming a missing folder is a usage error, exit 2" bash -c "'$saep' predict --plugins '$work/none' 2>'$work/e'; test \$? -eq 2 && test \$(wc -l <'$work/e') -eq 1 && grep -q '^error: --plugins .* does not exist' '$work/e'"
echo "smoke: $passed passed, $failed failed"
test "$failed" -eq 0
