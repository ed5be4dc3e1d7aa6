#!/usr/bin/env bash
# Runs every test: unit tests, the in-framework integration tests on the assembled product, the CLI as a
# process, and the workbench window under Xvfb. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash releng/setup.sh --test
exec xvfb-run -a -s "-screen 0 1280x800x24" mvn -B -ntp verify "$@"
