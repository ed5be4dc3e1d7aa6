#!/usr/bin/env bash
# Measures WAV files with Mixbench's meters and with libebur128 (tests/io.mixbench.benchmarks/src/main/c) and
# prints the differences: integrated loudness, sample peak, true peak, and loudness range for information.
#   releng/compare-libebur128.sh [--check] [FOLDER-OR-FILE...]
# Always measures the shared corpus ($MIXBENCH_CORPUS, default ../shared/corpus beside the repository) when it
# exists, plus the folders and files given. With --check it fails when integrated loudness differs by more than
# 0.05 LU or Mixbench's true peak is more than 0.1 dB below libebur128's. With CI=true a missing corpus fails.
# Uses the jars in target/ from the last build; see docs/performance.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../tests/io.mixbench.benchmarks/src/main/sh/common.sh
source "$root/tests/io.mixbench.benchmarks/src/main/sh/common.sh"

args=()
paths=()
for arg in "$@"; do
  case $arg in
    --check) args+=(--check) ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) bench_fail "unknown option $arg (see --help)" ;;
    *)
      [ -e "$arg" ] || bench_fail "$arg does not exist"
      paths+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")") ;;
  esac
done
corpus=${MIXBENCH_CORPUS:-$root/../shared/corpus}
if [ -d "$corpus" ]; then
  paths=("$(cd "$corpus" && pwd)" ${paths[@]+"${paths[@]}"})
elif [ "${CI:-}" = true ]; then
  bench_fail "the corpus is missing at $corpus (CI expects it beside the clone, or set MIXBENCH_CORPUS)"
else
  echo "note: no corpus at $corpus (set MIXBENCH_CORPUS); comparing only what is given" >&2
  [ ${#paths[@]} -gt 0 ] || { echo "nothing to compare" >&2; exit 0; }
fi

bench_build_ebur128
bench_build_classpath
exec java ${bench_java_opts[@]+"${bench_java_opts[@]}"} -cp "$bench_classpath" io.mixbench.benchmarks.Compare \
  --ebur128 "$bench_ebur128" ${args[@]+"${args[@]}"} "${paths[@]}"
