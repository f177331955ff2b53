#!/usr/bin/env bash
# The login benchmark: the bundle's AWS client against Keycloak's own role-list mapper set up by
# hand, at 10, 250 and 500 role pairs, plus one-role shortcut logins of a user with 1,000
# assignments, and the launcher portal (page time and size, one-role logins) of a user with 1,000
# accounts x 3 permission sets, all on one dedicated real Keycloak (no Docker); then the admin
# side (bulk assignment across 1,000 accounts, import of 5,000 accounts) and the admin reads
# (assignments listing and IaC downloads at 1,000 and 10,000 access roles). Prints tables for
# the README; it measures, it does not pass or fail on speed (only on wrong pages or responses).
# Extra arguments go to Maven, e.g. ./bench.sh -o. With -Dit.test=<Benchmark>[,<Benchmark>…] it
# runs only those (e.g. ./bench.sh -o -Dit.test=CredentialsBenchmark) and prints the tables they wrote.
set -euo pipefail

cd "$(dirname "$0")"
source scripts/common.sh

require_tools
log="target/bench.log"
result="providers/target/benchmark/login-benchmark.txt"
admin_result="providers/target/benchmark/admin-benchmark.txt"
reads_result="providers/target/benchmark/admin-read-benchmark.txt"
report="providers/target/failsafe-reports/TEST-dev.kcaws.bench.LoginBenchmark.xml"
admin_report="providers/target/failsafe-reports/TEST-dev.kcaws.bench.AdminBenchmark.xml"
reads_report="providers/target/failsafe-reports/TEST-dev.kcaws.bench.AdminReadBenchmark.xml"
only=""
for arg in "$@"; do
  if [[ $arg == -Dit.test=* ]]; then only=${arg#-Dit.test=}; fi
done
mkdir -p target
started="target/bench.started"
touch "$started"
rm -f "$result" "$report" "$admin_result" "$admin_report" "$reads_result" "$reads_report"
for name in ${only//,/ }; do rm -f "providers/target/failsafe-reports/TEST-dev.kcaws.bench.$name.xml"; done

step "Building… (full Maven output in $log)"
if ! mvn -B -q -Dstyle.color=never -pl themes,providers package -DskipTests -Dkcaws.matrix.skip=true "$@" >"$log" 2>&1; then
  show_maven_errors "$log"
  fail "Maven build failed; see $log"
fi

step "Running the login and admin benchmarks on real Keycloak $(keycloak_version) servers (about 6 minutes; much longer on a busy machine)…"
# -Dtest=None skips the unit tests; failsafe runs only the benchmark class (not an *IT, tagged
# "benchmark"). kcaws.excludedGroups empties the tag filter the normal test run may set.
set +e
mvn -B -q -Dstyle.color=never -pl themes,providers verify \
  -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LoginBenchmark,AdminBenchmark,AdminReadBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkcaws.excludedGroups=none -Dkcaws.matrix.skip=true "$@" >>"$log" 2>&1
status=$?
set -e

if [[ -n $only ]]; then
  # Only the named benchmarks ran: their JUnit reports say whether they did, their tables are the
  # files in providers/target/benchmark/ this run wrote.
  reports=()
  for name in ${only//,/ }; do reports+=("providers/target/failsafe-reports/TEST-dev.kcaws.bench.$name.xml"); done
  why=$(sed -n 's/.*<\(failure\|error\)[^>]* message="\([^"]*\)".*/\2/p' "${reports[@]}" 2>/dev/null | head -n 1 | cut -c1-300 || true)
  [[ -z $why ]] || fail "$only failed: $why (see $log)"
  (( status == 0 )) || { show_maven_errors "$log"; fail "$only did not run to the end (Maven exit $status); see $log"; }
  written=$(find providers/target/benchmark -name '*.txt' -newer "$started" 2>/dev/null || true)
  [[ -n $written ]] || fail "$only wrote no table; see $log"
  for file in $written; do echo; cat "$file"; done
  echo
  step "Done; the tables are also in $(echo $written)"
  exit 0
fi

if (( status != 0 )) || [[ ! -s "$result" ]] || [[ ! -s "$admin_result" ]] || [[ ! -s "$reads_result" ]]; then
  # The first failure or error message of the benchmarks' JUnit reports, on one line.
  why=$(sed -n 's/.*<\(failure\|error\)[^>]* message="\([^"]*\)".*/\2/p' "$report" "$admin_report" "$reads_report" 2>/dev/null | head -n 1 \
        | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' | cut -c1-300 || true)
  if [[ -n "$why" ]]; then
    fail "the login benchmark failed: $why (see $log)"
  fi
  show_maven_errors "$log"
  fail "the login benchmark did not run to the end (Maven exit $status); see $log"
fi

echo
cat "$result"
echo
cat "$admin_result"
echo
cat "$reads_result"
echo
step "Done; the tables are also in $result, $admin_result and $reads_result"
