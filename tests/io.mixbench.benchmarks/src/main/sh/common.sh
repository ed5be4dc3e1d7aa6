# Shared by releng/compare-libebur128.sh and releng/benchmark.sh (sourced, not run): builds the libebur128
# program and the Java class path from the reactor's jars. Expects $root (the repository) to be set.

bench_module="$root/tests/io.mixbench.benchmarks"

bench_fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# The module's main jar in target/, or nothing.
bench_jar() {
  local dir=$1 name
  name=$(basename "$dir")
  find "$dir/target" -maxdepth 1 -name "$name-*.jar" ! -name '*-sources.jar' ! -name '*-tests.jar' \
    ! -name '*-javadoc.jar' 2>/dev/null | sort | tail -n 1
}

# Sets bench_classpath and bench_java_opts. Uses the jars the last reactor build left in target/ (releng/test.sh
# runs `mvn verify` first) and builds only the modules whose jar is missing. Meter bundles are every
# bundles/io.mixbench.meter.* module with sources except the API; one that does not build is left out with a
# warning (a meter being written), the others are required.
bench_build_classpath() {
  local required=(bundles/io.mixbench.audio.api bundles/io.mixbench.meter.api bundles/io.mixbench.audio.wav
    bundles/io.mixbench.files tests/io.mixbench.benchmarks)
  local meters=() dir missing=() jar
  for dir in "$root"/bundles/io.mixbench.meter.*; do
    [ "$(basename "$dir")" = io.mixbench.meter.api ] && continue
    [ -d "$dir/src/main/java" ] && meters+=("bundles/$(basename "$dir")")
  done
  [ ${#meters[@]} -gt 0 ] || bench_fail "no meter bundles under $root/bundles"
  for dir in "${required[@]}" "${meters[@]}"; do
    [ -n "$(bench_jar "$root/$dir")" ] || missing+=("$dir")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "building ${missing[*]} (no jar in target/)" >&2
    local module
    for module in "${missing[@]}"; do
      case " ${meters[*]} " in
        *" $module "*)
          (cd "$root" && mvn -B -ntp -q -o install -DskipTests -am -pl "$module" >&2) \
            || echo "warning: $module does not build; measuring without it" >&2 ;;
        *)
          (cd "$root" && mvn -B -ntp -q -o install -DskipTests -am -pl "$module" >&2) \
            || bench_fail "could not build $module" ;;
      esac
    done
  fi
  bench_classpath=""
  bench_java_opts=()
  # The product's JVM options (bin/mixbench reads them from conf/jvm.options): they change how fast C2's code is.
  local option
  while read -r option; do
    option=${option%%#*}
    option=${option//[[:space:]]/}
    [ -z "$option" ] || bench_java_opts+=("$option")
  done <"$root/releng/io.mixbench.product/src/conf/jvm.options"
  local vector=""
  for dir in "${required[@]}" "${meters[@]}"; do
    jar=$(bench_jar "$root/$dir")
    [ -n "$jar" ] || continue
    if [ -n "$(find "$root/$dir/src/main/java" "$root/$dir/src/main/resources" -type f -newer "$jar" -print \
      -quit 2>/dev/null)" ]; then
      echo "note: $(basename "$jar") is older than its sources; run mvn install for current figures" >&2
    fi
    bench_classpath="$bench_classpath${bench_classpath:+:}$jar"
    if command -v unzip >/dev/null 2>&1; then
      unzip -p "$jar" '*.class' 2>/dev/null | grep -aq 'jdk/incubator/vector' && vector=yes
    elif jdeps --print-module-deps --ignore-missing-deps "$jar" 2>/dev/null | grep -q jdk.incubator.vector; then
      vector=yes
    fi
  done
  # The Vector API is an incubator module on Java 17: added only when a meter uses it (build-notes).
  if [ -n "$vector" ]; then
    bench_java_opts+=(--add-modules jdk.incubator.vector)
  fi
}

# Sets bench_ebur128 to the libebur128 program, compiled from src/main/c when missing or older than its source.
bench_build_ebur128() {
  local source="$bench_module/src/main/c/ebur128-measure.c"
  bench_ebur128="$bench_module/target/ebur128-measure"
  if ! pkg-config --exists libebur128 2>/dev/null || ! command -v gcc >/dev/null 2>&1; then
    bench_fail "gcc and libebur128 are needed (Debian: gcc pkg-config libebur128-dev; releng/setup.sh --test)"
  fi
  if [ ! -x "$bench_ebur128" ] || [ "$source" -nt "$bench_ebur128" ]; then
    mkdir -p "$bench_module/target"
    # shellcheck disable=SC2046  # pkg-config prints several words on purpose
    gcc -std=c11 -D_POSIX_C_SOURCE=199309L -O2 -Wall -Wextra -Werror -o "$bench_ebur128" "$source" \
      $(pkg-config --cflags --libs libebur128) -lm || bench_fail "could not compile $source"
  fi
}
