# shellcheck shell=sh
# Sourced by ./mvnw. Makes JAVA_HOME point at a JDK 21 or newer, or stops with a clear message.
# The build targets the Lambda java21 runtime; many machines still default to JDK 17.

java_major_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

is_jdk_21_or_newer() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  version=$(java_major_version "$1")
  [ -n "$version" ] && [ "$version" -ge 21 ]
}

find_jdk_21_or_newer() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk_21_or_newer "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if is_jdk_21_or_newer "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  fi
  # Newest first: the highest version wins among the usual install locations.
  # shellcheck disable=SC2012 # the names are JDK directories without spaces; ls | sort -V orders versions
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    if is_jdk_21_or_newer "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if found_jdk=$(find_jdk_21_or_newer); then
  if [ "${JAVA_HOME:-}" != "$found_jdk" ]; then
    echo "[mvnw] using the JDK at $found_jdk (the build needs JDK 21+)" >&2
  fi
  export JAVA_HOME="$found_jdk"
  # Maven's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every start.
  if [ "$(java_major_version "$found_jdk")" -ge 24 ]; then
    case "${MAVEN_OPTS:-}" in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow${MAVEN_OPTS:+ $MAVEN_OPTS}" ;;
    esac
  fi
else
  echo "[mvnw] No JDK 21 or newer found (JAVA_HOME='${JAVA_HOME:-}', searched PATH, /usr/lib/jvm, /opt, ~/.sdkman)." >&2
  echo "[mvnw] Install one (e.g. Temurin 21) and set JAVA_HOME to it, then run ./mvnw again." >&2
  exit 1
fi
unset found_jdk candidate version
