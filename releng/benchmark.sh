#!/usr/bin/env bash
# Prints how fast and how lean Mixbench is, each figure next to its goal and its peers; never fails on slow ones.
#   releng/benchmark.sh [--brief]
# In-process: generates a 5-minute 48 kHz stereo 24-bit music-like WAV and measures, on one thread, the full meter
# chain with each meter's cost against libebur128 with I|LRA|SAMPLE_PEAK|TRUE_PEAK (CPU time), and decoding.
# Whole process (issue 17), the product's bin/mixbench as a user runs it, each command once to warm up then 5
# times (median, fastest..slowest): --version and --help (peers: a C tool, a picocli Java CLI); analyze of a
# 1-second file, cached and --no-cache; analyze --no-cache of a 10-minute file (peers: libebur128's CLI, ffmpeg
# ebur128; CPU time and cores used too); 32 four-minute stems analysed, from the cache, planned; the workbench
# on that session (start to window, to findings: the product's -Dmixbench.traceStartup trace, under DISPLAY or
# xvfb-run); a 60-minute 96 kHz file under -Xmx256m. Ends in one table: figure | Mixbench | goal | peer(s) |
# verdict. About 10 minutes. --brief (CI, a few minutes): 1-minute files, 2 runs, 8 one-minute stems, a
# 5-minute memory run; size-bound goals not judged. With CI=true, no display and no xvfb-run fail the run. Uses the
# jars in target/ and the product from the last build (building what is missing); see docs/performance.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../tests/io.mixbench.benchmarks/src/main/sh/common.sh
source "$root/tests/io.mixbench.benchmarks/src/main/sh/common.sh"

brief=()
for arg in "$@"; do
  case $arg in
    --brief) brief=(--brief) ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_fail "unknown argument $arg (see --help)" ;;
  esac
done

bench_build_ebur128
bench_build_classpath
work="$bench_module/target/benchmark"
java=(java ${bench_java_opts[@]+"${bench_java_opts[@]}"} -cp "$bench_classpath")
echo "Mixbench benchmark on $(nproc) cores, $(java -version 2>&1 | head -n 1)"
"${java[@]}" io.mixbench.benchmarks.Benchmark --ebur128 "$bench_ebur128" --work "$work" ${brief[@]+"${brief[@]}"}
product="$root/releng/io.mixbench.product/target/mixbench/bin/mixbench"
if [ ! -x "$product" ]; then
  echo "building the product (no $product)" >&2
  (cd "$root" && mvn -B -ntp -q -o install -DskipTests -am -pl releng/io.mixbench.product >&2) \
    || bench_fail "could not build the product"
fi
# The picocli Java CLI peer runs on picocli's jar, which the benchmark module's build copies there.
picocli="$bench_module/target/peer/picocli.jar"
if [ ! -f "$picocli" ]; then
  (cd "$root" && mvn -B -ntp -q -o package -DskipTests -pl tests/io.mixbench.benchmarks >&2) \
    || bench_fail "could not build tests/io.mixbench.benchmarks"
fi
"${java[@]}" io.mixbench.benchmarks.Benchmark --process "$product" --ebur128 "$bench_ebur128" --picocli "$picocli" \
  --work "$work" ${brief[@]+"${brief[@]}"}
