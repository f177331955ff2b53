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

# Installs Debian packages with apt-get (as root, or through sudo) for the tests that need them;
# one clear line when that cannot be done. Usage: apt_install "<what needs them>" "<what is wanted>" PACKAGE…
apt_install() {
  local needs=$1 wanted=$2
  shift 2
  command -v apt-get >/dev/null 2>&1 \
    || fail "$needs need $wanted; this machine has no apt-get, install them yourself"
  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null 2>&1 \
      || fail "$needs need $wanted; run as root or install sudo, or install them yourself: apt-get install $*"
    sudo=(sudo)
  fi
  step "Installing Debian's $* for $needs…"
  # env passes DEBIAN_FRONTEND through sudo, which drops the caller's environment.
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || fail "apt-get update failed; install $wanted, then run ./test.sh again"
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" \
    || fail "apt-get install $* failed; install $wanted, then run ./test.sh again"
}

# The browser tests drive Debian's Chromium through its chromedriver at these two paths.
ensure_browser() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && return 0
  apt_install "the browser tests" "Debian's chromium and chromium-driver packages (/usr/bin/chromium and /usr/bin/chromedriver)" \
    chromium chromium-driver
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
    || fail "chromium and chromium-driver were installed but /usr/bin/chromium or /usr/bin/chromedriver is missing"
}

# The cluster tests (ClusterIT) start a private PostgreSQL server from Debian's binaries in
# /usr/lib/postgresql/<version>/bin; the package's own cluster on port 5432 is not used (the tests
# run initdb into their own directory).
ensure_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  apt_install "the cluster tests" "Debian's postgresql package (/usr/lib/postgresql/<version>/bin/initdb)" postgresql
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
    || fail "postgresql was installed but there is no /usr/lib/postgresql/*/bin/initdb"
}

# The LDAP federation test (IdentityCenterPushLdapIT) starts a private OpenLDAP server from Debian's
# slapd (/usr/sbin/slapd, its own slapd.conf and data directory on a free port; the package's own
# service is not used). A machine where it cannot be installed runs the rest: the test skips with
# one line.
ensure_slapd() {
  [[ -x /usr/sbin/slapd ]] && return 0
  ( apt_install "the LDAP federation test" "Debian's slapd and ldap-utils packages (/usr/sbin/slapd)" slapd ldap-utils ) \
    || step "slapd could not be installed: IdentityCenterPushLdapIT will be skipped"
}

# The CLI tests (cli/, and the *IT that runs kcaws-aws under the real AWS CLI) call Debian's AWS
# CLI by its path: `aws` on PATH may be another installation (a pyenv shim, AWS's own v2 bundle).
ensure_awscli() {
  [[ -x /usr/bin/aws ]] && return 0
  apt_install "the AWS CLI tests" "Debian's awscli package (/usr/bin/aws)" awscli
  [[ -x /usr/bin/aws ]] || fail "awscli was installed but /usr/bin/aws is missing"
}
