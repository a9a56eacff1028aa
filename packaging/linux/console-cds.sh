#!/bin/sh
# The console's class-data archive (AppCDS): the classes a start of the window loads, parsed and
# verified once, so that a start maps them instead. Runs from inside an app image (lib/app/).
#
#   console-cds.sh record   opens the window once on a scratch data directory and writes the list of
#                           classes it loaded to console.classlist (needs a display: DISPLAY, or
#                           xvfb-run); done when the package is built.
#   console-cds.sh dump     writes console.jsa from that list for the app image where it now is (the
#                           archive holds the class path, so it is made where the app is installed);
#                           needs no display, and is what the .deb's postinst runs.
set -eu

app_dir=$(cd "$(dirname "$0")" && pwd)
image=$(dirname "$(dirname "$app_dir")")
java="$image/lib/runtime/bin/java"
config="$app_dir/intellivision-console.cfg"
class_list="$app_dir/console.classlist"
archive="$app_dir/console.jsa"

# The launcher's class path, in the launcher's order: an archive is only used with the same one.
class_path=$(sed -n 's/^app\.classpath=//p' "$config" | sed "s|\\\$APPDIR|$app_dir|" | paste -sd: -)

case "${1:-}" in
  record)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    # Bounded: a start that fails shows a dialog and waits for someone to close it.
    run="timeout 180 $java -Xmx512m -XX:DumpLoadedClassList=$class_list -Dintellivision.console.quitAfterSeconds=4 -cp $class_path com.intellivision.console.app.Main --data-dir $scratch/data"
    if [ -n "${DISPLAY:-}" ]; then
      $run
    elif command -v xvfb-run >/dev/null 2>&1; then
      xvfb-run -a -s "-screen 0 1600x1000x24" $run
    else
      echo "console-cds.sh: no display and no xvfb-run, so no class list: the console starts without its archive" >&2
      exit 0
    fi
    echo "console-cds.sh: $(wc -l < "$class_list") classes listed in $class_list"
    ;;
  dump)
    if [ ! -s "$class_list" ]; then
      echo "console-cds.sh: $class_list is missing; no archive made" >&2
      exit 0
    fi
    rm -f "$archive"
    "$java" -Xmx512m -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$class_list" \
      -XX:SharedArchiveFile="$archive" -cp "$class_path" > /dev/null
    echo "console-cds.sh: $archive written ($(du -h "$archive" | cut -f1))"
    ;;
  *)
    echo "usage: console-cds.sh record|dump" >&2
    exit 2
    ;;
esac
