#!/bin/sh
# Keeps only this platform's native libraries in the jars that carry every platform's
# (sqlite-jdbc, JNA), so that the package holds one set: trim-natives.sh LIB_DIR
set -eu
lib_dir=$1
case "$(uname -m)" in
  x86_64) sqlite=Linux/x86_64; jna=linux-x86-64 ;;
  aarch64) sqlite=Linux/aarch64; jna=linux-aarch64 ;;
  *) echo "trim-natives.sh: $(uname -m) is not packaged; natives left as they are" >&2; exit 0 ;;
esac

# Deletes the native libraries of JAR (the entries matching the pattern LIBRARIES) that are not under KEEP.
drop_others() {
  jar=$1 libraries=$2 keep=$3
  others=$(unzip -Z1 "$jar" | grep -E "$libraries" | grep -v "$keep/" || true)
  if [ -n "$others" ]; then
    echo "$others" | zip -q -d "$jar" -@
  fi
}

for jar in "$lib_dir"/sqlite-jdbc-*.jar; do drop_others "$jar" '^org/sqlite/native/.*[^/]$' "org/sqlite/native/$sqlite"; done
for jar in "$lib_dir"/jna-[0-9]*.jar; do drop_others "$jar" '^com/sun/jna/[^/]+/[^/]*jnidispatch[^/]*$' "com/sun/jna/$jna"; done
# macOS's keychain bridge, which java-keyring uses on macOS only.
for jar in "$lib_dir"/jkeychain-*.jar; do drop_others "$jar" '^osxkeychain\.so$' "none"; done
