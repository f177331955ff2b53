# Shared by run.sh and test.sh: progress lines, one-line errors, tool checks.
# shellcheck shell=bash

step() { printf '==> %s\n' "$*"; }

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The errors of a failed quiet Maven run, without Maven's generic help text.
show_maven_errors() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^\[ERROR\]' \
    | grep -vE '^\[ERROR\] *$|-e switch|-X switch|For more information|\[Help 1\]|After correcting|mvn <args>|^\[ERROR\] *-> ' \
    | tail -n 15 >&2 || true
}

# Java 17+ and Maven must be on PATH; say so in one line otherwise.
require_tools() {
  command -v java >/dev/null 2>&1 || fail "java not found on PATH; install Java 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  [[ ${version%%.*} =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 17 )) \
    || fail "Java 17 or newer is needed, found '${version:-unknown}' ($(command -v java))"
  command -v mvn >/dev/null 2>&1 || fail "mvn not found on PATH; install Maven 3.8 or newer (e.g. apt-get install maven)"
}

# The one Keycloak version, as the parent pom declares it.
keycloak_version() {
  sed -n 's:.*<keycloak\.version>\(.*\)</keycloak\.version>.*:\1:p' pom.xml | head -n 1
}
