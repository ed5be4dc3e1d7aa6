#!/bin/sh
# Finishes the assembled product folder (run by the product build, after the folder assembly):
#   lib/help/<command>.txt  each command's help as the CLI prints it, which bin/mixbench then prints without
#                           starting the framework (mixbench --help, mixbench COMMAND --help, mixbench help COMMAND)
#   lib/cds/*.jsa           the class-data sharing archive for this folder and this Java (bin/mixbench explains)
# Usage: finish-product.sh PRODUCT-FOLDER
set -eu
product=$1
mixbench="$product/bin/mixbench"
rm -rf "$product/lib/help" "$product/lib/cds"
mkdir -p "$product/lib/help"
# Recorded the framework's way, so the texts are the CLI's own.
export MIXBENCH_JAVA_OPTS="-Dmixbench.launcherAnswers=false"
export MIXBENCH_CDS=off
"$mixbench" --help > "$product/lib/help/mixbench.txt"
commands=$(sed -n '/^Commands:/,/^$/p' "$product/lib/help/mixbench.txt" | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "finish-product: no commands in mixbench --help" >&2; exit 1; }
for command in $commands; do
  "$mixbench" help "$command" > "$product/lib/help/$command.txt"
done
unset MIXBENCH_JAVA_OPTS
MIXBENCH_CDS=record MIXBENCH_CDS_DIR="$product/lib/cds" "$mixbench"
echo "finish-product: help of $(echo $commands | wc -w) commands and $(ls "$product/lib/cds")"
