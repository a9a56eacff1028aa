#!/usr/bin/env bash
# Builds a self-contained application folder (its own Java runtime) for this OS with jpackage:
#   packaging/app-image.sh            -> target/dist/IntelliVision Console/
# Run it on each OS you ship for; javacv's natives for that OS come from the Maven profile.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B package -DskipTests
staging=target/jpackage-input
rm -rf "$staging" target/dist
mkdir -p "$staging"
cp target/intellivision-console.jar "$staging/"
cp -r target/lib "$staging/lib"

# Workers are started with the runtime's own bin/java, so the runtime keeps its launchers
# (jpackage's default would strip them).
jpackage --type app-image \
  --name "IntelliVision Console" \
  --app-version 0.1.0 \
  --input "$staging" \
  --main-jar intellivision-console.jar \
  --main-class com.intellivision.console.app.Main \
  --java-options "$(grep -v '^#' packaging/console.jvm-options | tr '\n' ' ')" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --dest target/dist
echo "Built: target/dist/IntelliVision Console"
