#!/usr/bin/env bash
# Builds LinkOps (tests skipped) and runs the whole suite locally in the foreground:
# embedded PostgreSQL + Artemis + SMTP, Keycloak, the demo storefront and the five services as
# separate JVMs, with the demo loaded. State stays in ./.linkops-data across runs.
#   ./run-local.sh            start (or restart) with the kept state
#   ./run-local.sh --reset    wipe the state first
#   ./run-local.sh --no-build skip the Maven build (use what is in target/)
# Ctrl-C stops every process it started.
set -euo pipefail
cd "$(dirname "$0")"

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

if [[ $build == 1 ]]; then
  echo "Building LinkOps (mvn -DskipTests install; the first build downloads dependencies and takes a while)..."
  mvn -q -DskipTests install
fi

jar=$(ls infra/target/infra-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
if [[ -z "$jar" ]]; then
  echo "infra/target/infra-*.jar is missing: run without --no-build" >&2
  exit 1
fi
exec java -Dlinkops.root="$PWD" -cp "$jar:infra/target/lib/*" dev.linkops.infra.suite.LocalSuite "${args[@]+"${args[@]}"}"
