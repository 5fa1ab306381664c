#!/usr/bin/env bash
# Starts lanchat with every argument passed through (./run.sh --help lists them).
# Builds target/lanchat.jar first when it is missing or older than the sources.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/lanchat.jar"

if ! command -v java >/dev/null 2>&1; then
  echo "lanchat: java was not found; install Java 17 or newer" >&2
  exit 1
fi

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

if stale; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "lanchat: $jar needs building, and mvn (Maven 3) was not found" >&2
    exit 1
  fi
  echo "lanchat: building $jar (the first build downloads dependencies and takes a while) ..." >&2
  log="$(mktemp "${TMPDIR:-/tmp}/lanchat-build.XXXXXX")"
  # The build's output is shown only if it fails, and then on stderr: stdout stays clean for --json.
  if ! (cd "$here" && mvn -q -B package -DskipTests) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "lanchat: the build failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

exec java -jar "$jar" "$@"
