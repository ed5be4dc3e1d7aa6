#!/usr/bin/env bash
# Prints how fast and how lean Mixbench's meters are (figures only: never fails on slow ones).
#   releng/benchmark.sh [--brief]
# Generates a 5-minute 48 kHz stereo 24-bit music-like WAV and measures, on one thread: the full meter chain
# with each meter's cost, libebur128 with I|LRA|SAMPLE_PEAK|TRUE_PEAK, their ratio, and decoding (Mixbench's WAV
# decoder, sox stats). Then analyses a generated 60-minute 96 kHz stereo file under -Xmx256m and prints the peak
# heap, and a generated session of 32 four-minute stems with the product's bin/mixbench, measured and re-opened
# from the cache, then planned, rendered and the render analysed (bin/mixbench plan). --brief (CI): a 1-minute
# file, fewer runs, no 60-minute run, 8 one-minute stems. Uses the jars in target/ and the product from the last
# build (building what is missing); see docs/performance.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../tests/io.mixbench.benchmarks/src/main/sh/common.sh
source "$root/tests/io.mixbench.benchmarks/src/main/sh/common.sh"

brief=()
for arg in "$@"; do
  case $arg in
    --brief) brief=(--brief) ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_fail "unknown argument $arg (see --help)" ;;
  esac
done

bench_build_ebur128
bench_build_classpath
work="$bench_module/target/benchmark"
java=(java ${bench_java_opts[@]+"${bench_java_opts[@]}"} -cp "$bench_classpath")
echo "Mixbench benchmark on $(nproc) cores, $(java -version 2>&1 | head -n 1)"
"${java[@]}" io.mixbench.benchmarks.Benchmark --ebur128 "$bench_ebur128" --work "$work" ${brief[@]+"${brief[@]}"}
if [ ${#brief[@]} -eq 0 ]; then
  "${java[@]}" -Xmx256m io.mixbench.benchmarks.Benchmark --memory --work "$work" --minutes 60 --rate 96000
fi
product="$root/releng/io.mixbench.product/target/mixbench/bin/mixbench"
if [ ! -x "$product" ]; then
  echo "building the product (no $product)" >&2
  (cd "$root" && mvn -B -ntp -q -o install -DskipTests -am -pl releng/io.mixbench.product >&2) \
    || bench_fail "could not build the product"
fi
if [ ${#brief[@]} -eq 0 ]; then
  "${java[@]}" io.mixbench.benchmarks.Benchmark --session "$product" --work "$work" --stems 32 --minutes 4
else
  "${java[@]}" io.mixbench.benchmarks.Benchmark --session "$product" --work "$work" --stems 8 --minutes 1
fi
