#!/usr/bin/env bash
# Writes the pom.xml of a bundle module: new-bundle-pom.sh DIR "Name" "Description" dep...
# A dep is artifactId (io.mixbench.*), groupId:artifactId, or groupId:artifactId:scope.
set -euo pipefail
dir=$1 name=$2 desc=$3; shift 3
art=$(basename "$dir")
deps=""
for d in "$@"; do
  IFS=: read -r a b c <<<"$d"
  if [ -z "${b:-}" ]; then g=io.mixbench; aid=$a; scope=""; else g=$a; aid=$b; scope=${c:-}; fi
  deps+="    <dependency>
      <groupId>$g</groupId>
      <artifactId>$aid</artifactId>$( [ -n "$scope" ] && printf "\n      <scope>%s</scope>" "$scope" || true)
    </dependency>
"
done
mkdir -p "$dir"
cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.mixbench</groupId>
    <artifactId>io.mixbench.parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <relativePath>../../pom.xml</relativePath>
  </parent>
  <artifactId>$art</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <name>$name</name>
  <description>$desc</description>

  <dependencies>
$deps  </dependencies>
</project>
POM
