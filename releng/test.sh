#!/usr/bin/env bash
# Runs every test (mvn install: the API baseline test builds a module copy against the installed
# artifacts): unit tests, the in-framework integration tests on the assembled product, the CLI as a
# process, and the workbench window under Xvfb; then compares the meters with libebur128 on the corpus (a
# difference out of tolerance fails the run) and prints brief benchmark figures (never fails the run).
# Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash releng/setup.sh --test
xvfb-run -a -s "-screen 0 1280x800x24" mvn -B -ntp install "$@"
bash releng/compare-libebur128.sh --check
bash releng/benchmark.sh --brief || echo "test.sh: the benchmark stopped early (it only prints figures)" >&2
