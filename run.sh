#!/usr/bin/env bash
# Starts lanchat with every argument passed through (./run.sh --help lists them).
# Builds target/lanchat.jar first when it is missing or older than the sources, with the Maven Wrapper
# (./mvnw), so a JDK 17+ is all that is needed. Standard output belongs to lanchat (--json); everything this
# script says goes to standard error. Exit code 2: a set-up problem (no Java, too old, no JDK to build).
set -euo pipefail
# Followed through symlinks, so that a `lanchat` link in ~/.local/bin finds the checkout.
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$here/target/lanchat.jar"

say() { echo "lanchat: $*" >&2; }

install_hint="install a JDK 17 or newer (see the README, \"Getting Java\"), or set JAVA_HOME to one"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java="$(command -v java)"
else
  say "Java was not found; $install_hint"
  exit 2
fi

# "17.0.15", "21", "1.8.0_392": the first number, or the second after a leading "1.".
version="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"
major="${version%%.*}"
[[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"
if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
  say "$java is Java ${version:-of an unknown version}; lanchat needs 17 or newer: $install_hint"
  exit 2
fi

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# Turns Maven's output into one line per step, so the first build (a minute with downloads) is not silence.
progress() {
  local line seen=""
  while IFS= read -r line; do
    local step=""
    case "$line" in
      *"Downloading from"*|*"Downloaded from"*) step="downloading the libraries (first build only)" ;;
      *"--- compiler:"*":compile "*) step="compiling" ;;
      *"--- jar:"*) step="packaging" ;;
      *"--- shade:"*) step="bundling target/lanchat.jar" ;;
    esac
    if [[ -n "$step" && "$seen" != *"|$step|"* ]]; then
      seen+="|$step|"
      say "  $step ..."
    fi
  done
}

build() {
  local jdk
  jdk="$(dirname "$(dirname "$(readlink -f "$java")")")"
  if [[ ! -x "$jdk/bin/javac" ]]; then
    say "building needs a JDK (with javac), and $java is only a runtime; $install_hint"
    exit 2
  fi
  local log started=$SECONDS
  log="$(mktemp "${TMPDIR:-/tmp}/lanchat-build.XXXXXX")"
  trap 'rm -f "$log"' EXIT
  say "building target/lanchat.jar (the first build also downloads Maven and the libraries) ..."
  # The wrapper fetches Maven silently; say so, because on a slow line that is the first long wait.
  local maven
  maven="$(sed -n 's|^distributionUrl=.*/\(apache-maven-[0-9.]*\)-bin.zip$|\1|p' "$here/.mvn/wrapper/maven-wrapper.properties")"
  if [[ -n "$maven" && ! -d "${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$maven" ]]; then
    say "  downloading ${maven/apache-maven-/Maven } (once, into ${MAVEN_USER_HOME:-$HOME/.m2}/wrapper) ..."
  fi
  # The wrapper always, not a Maven on the PATH: the build is then the one CI runs (.ci/run), whatever Maven,
  # if any, is installed. The full log is kept and shown only if the build fails.
  local status
  set +e
  (cd "$here" && JAVA_HOME="$jdk" ./mvnw -B -DskipTests package 2>&1) | tee "$log" | progress
  status=${PIPESTATUS[0]}
  set -e
  if ((status != 0)) || [[ ! -f "$jar" ]]; then
    grep -E '^\[(ERROR|WARNING)\]|^Error|^Exception' "$log" >&2 || cat "$log" >&2
    say "the build failed (above; the whole log: cd $here && ./mvnw package)"
    exit 1
  fi
  say "built in $((SECONDS - started)) s"
}

if stale; then
  build
fi

# JVM settings for a chat that idles for hours (measured in docs/decisions.md, "JVM settings"): a
# small initial heap that grows only when needed, the serial collector (no GC threads), the C1 compiler
# only (a chat's hot paths are short), and no perf-data sampler (a thread that wakes 20 times a second). The 128 MiB ceiling costs nothing at idle and leaves the window mode
# room for Swing and a long conversation, so one set of flags fits both. A fatal out-of-memory ends the
# process instead of leaving it half alive. LANCHAT_JAVA_OPTS is added last, so it can override any of these.
# shellcheck disable=SC2086 # LANCHAT_JAVA_OPTS is a list of options, split on purpose
exec "$java" -Xms4m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError \
  ${LANCHAT_JAVA_OPTS:-} -jar "$jar" "$@"
