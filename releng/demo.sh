#!/usr/bin/env bash
# Builds the Mixbench product (tests skipped) and analyses the flawed demo session, printing the report.
# The flawed demo has three planted problems, so the analysis exits with 1 ("findings at or above
# --fail-on"); this script treats that as success and fails only when the analysis itself fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash releng/setup.sh
echo "demo: building the product (mvn install, tests skipped)..." >&2
mvn -B -ntp -q install -DskipTests -Dformatter.skip=true >&2
product=releng/io.mixbench.product/target/mixbench
echo "demo: $product/bin/mixbench analyze $product/demo/flawed" >&2
start=$(date +%s%N)
set +e
"$product/bin/mixbench" analyze "$product/demo/flawed"
code=$?
set -e
end=$(date +%s%N)
echo "demo: analysis finished with exit code $code in $(( (end - start) / 1000000 )) ms (1 = problems found, as planted)" >&2
[ "$code" -le 1 ]
