#!/usr/bin/env bash
# Installs what building, running and testing Mixbench need on a Debian machine, skipping what is there.
#   releng/setup.sh          JDK 17 and Maven
#   releng/setup.sh --test   also Xvfb, GTK 3 and fonts (the workbench window test), sox and ffmpeg (decoder
#                            tests compare with them), gcc with libebur128 (the peer comparison),
#                            Chromium (the HTML report test opens the report in headless Chromium), and
#                            fluidsynth with the TimGM6mb soundfont (the session rendered from real instruments)
set -euo pipefail
packages=()
need() { # need COMMAND-OR-FILE PACKAGE
  if [[ $1 == /* ]]; then [ -e "$1" ] || packages+=("$2"); else command -v "$1" >/dev/null 2>&1 || packages+=("$2"); fi
}
need javac openjdk-17-jdk-headless
need mvn maven
if [ "${1:-}" = "--test" ]; then
  need xvfb-run xvfb
  need xauth xauth
  need xdpyinfo x11-utils
  need /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
  need sox sox
  need ffmpeg ffmpeg
  need fluidsynth fluidsynth
  need /usr/share/sounds/sf2/TimGM6mb.sf2 timgm6mb-soundfont
  need gcc gcc
  need pkg-config pkg-config
  need /usr/include/ebur128.h libebur128-dev
  need chromium chromium
  ls /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 >/dev/null 2>&1 || packages+=(libgtk-3-0)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "setup: installing ${packages[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q --no-install-recommends "${packages[@]}" >&2
fi
java_version=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
if [ "${java_version:-0}" -lt 17 ]; then
  echo "setup: Mixbench needs JDK 17 or newer; javac is $java_version" >&2
  exit 1
fi
