#!/usr/bin/env bash
# The project's test command: unit tests, then integration tests against real Keycloak servers
# started from the distribution the build unpacks (no Docker). Extra arguments go to Maven,
# e.g. ./test.sh -Dit.test=KeycloakServerIT
#
# Keycloak versions (docs/supported-versions.md): by default the whole suite runs on the
# default server (keycloak.version in pom.xml) and a smoke subset runs with the same jars on
# the newest 26.4 and 26.5 servers. KC_VERSION=26.4.7 ./test.sh runs the whole suite on that
# release instead (any keycloak-quarkus-dist served by Maven Central; the jars stay the same).
# A targeted run (-Dit.test=…) skips the older servers unless -Dkcaws.matrix.skip=false is given.
set -euo pipefail

cd "$(dirname "$0")"
source scripts/common.sh

require_tools
ensure_browser
ensure_postgres
ensure_slapd
ensure_awscli
log="target/test.log"
mkdir -p target

if command -v node >/dev/null 2>&1; then
  step "Running the admin page's JavaScript unit tests (node --test providers/src/test/js/)…"
  node --test providers/src/test/js/ >target/test-js.log 2>&1 || { cat target/test-js.log; fail "JavaScript unit tests failed; see target/test-js.log"; }
else
  step "Skipping the admin page's JavaScript unit tests: node is not installed"
fi

versions=()
if [[ -n "${KC_VERSION:-}" ]]; then
  [[ $KC_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "KC_VERSION must be a Keycloak release such as 26.4.7, not '$KC_VERSION'"
  versions=(-Dkeycloak.version="$KC_VERSION" -Dkcaws.matrix.skip=true)
  step "Testing on Keycloak $KC_VERSION (the bundle's jars are built as always; the build downloads that server)"
elif [[ " $* " == *" -Dit.test="* && " $* " != *" -Dkcaws.matrix.skip="* ]]; then
  versions=(-Dkcaws.matrix.skip=true)
fi

step "Running unit and integration tests (mvn -B verify); full output in $log…"
started=target/.test-started
touch "$started"
set +e
# sed drops the colour codes Debian's Maven 3.8 prints even in batch mode.
mvn -B -Dstyle.color=never verify ${versions[@]+"${versions[@]}"} "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log"
status=${PIPESTATUS[0]}
set -e
(( status == 0 )) && exit 0

# Name the failed test classes from this run's JUnit XML reports (older ones survive without
# `mvn clean`), so the last line says what broke.
failed=$(find providers/target/surefire-reports providers/target/failsafe-reports* -name 'TEST-*.xml' \
           -newer "$started" -print0 2>/dev/null \
         | xargs -0 -r grep -lE '<(failure|error)[ >]' \
         | sed -E 's:.*/failsafe-reports-([0-9.]+)/TEST-(.*)\.xml:\2 on Keycloak \1:; s:.*/TEST-(.*)\.xml:\1:; s:^[^ ]*\.::' | sort -u | paste -sd, - | sed 's/,/, /g' || true)
if [[ -n "$failed" ]]; then
  fail "tests failed: $failed; see $log and providers/target/{surefire,failsafe}-reports/"
fi
fail "Maven build failed (exit $status) before the tests could report; see $log"
