#!/usr/bin/env bash
# The project's test command: unit tests, then integration tests against real Keycloak servers
# started from the distribution the build unpacks (no Docker). Extra arguments go to Maven,
# e.g. ./test.sh -Dit.test=KeycloakServerIT
set -euo pipefail

cd "$(dirname "$0")"
source scripts/common.sh

require_tools
ensure_browser
ensure_postgres
log="target/test.log"
mkdir -p target

if command -v node >/dev/null 2>&1; then
  step "Running the admin page's JavaScript unit tests (node --test providers/src/test/js/)…"
  node --test providers/src/test/js/ >target/test-js.log 2>&1 || { cat target/test-js.log; fail "JavaScript unit tests failed; see target/test-js.log"; }
else
  step "Skipping the admin page's JavaScript unit tests: node is not installed"
fi
step "Running unit and integration tests (mvn -B verify); full output in $log…"
started=target/.test-started
touch "$started"
set +e
# sed drops the colour codes Debian's Maven 3.8 prints even in batch mode.
mvn -B -Dstyle.color=never verify "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log"
status=${PIPESTATUS[0]}
set -e
(( status == 0 )) && exit 0

# Name the failed test classes from this run's JUnit XML reports (older ones survive without
# `mvn clean`), so the last line says what broke.
failed=$(find providers/target/surefire-reports providers/target/failsafe-reports -name 'TEST-*.xml' \
           -newer "$started" -print0 2>/dev/null \
         | xargs -0 -r grep -lE '<(failure|error)[ >]' \
         | sed -E 's:.*/TEST-(.*)\.xml:\1:; s:.*\.::' | sort -u | paste -sd, - | sed 's/,/, /g' || true)
if [[ -n "$failed" ]]; then
  fail "tests failed: $failed; see $log and providers/target/{surefire,failsafe}-reports/"
fi
fail "Maven build failed (exit $status) before the tests could report; see $log"
