#!/usr/bin/env bash
# Runs every test LinkOps has: unit tests, @QuarkusTests on real PostgreSQL and a real AMQP broker,
# the Kubernetes manifest checks, and the end-to-end tier against the running suite with a real Keycloak.
# Installs the Debian packages the tests need first (headless Chromium for the dashboard test).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kubectl >/dev/null || missing+=(kubectl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: please install: ${missing[*]}" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec mvn -B -ntp verify "$@"
