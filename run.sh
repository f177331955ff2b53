#!/usr/bin/env bash
# Builds the bundle and runs it on a local Keycloak (no Docker) with the demo realm imported.
# The server, its H2 database and build.log live in .keycloak/; a second run reuses them.
#   KC_PORT=8081 ./run.sh          another HTTP port (default 8080)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD   first admin (default admin/admin)
set -euo pipefail

cd "$(dirname "$0")"
source scripts/common.sh

require_tools
version=$(keycloak_version)
kc_home=".keycloak/keycloak-$version"
build_log=".keycloak/build.log"
port="${KC_PORT:-8080}"
unset KC_PORT # Keycloak reads every KC_* variable as an option; this one is ours
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

if (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  fail "port $port is already in use; stop what runs there or pick another: KC_PORT=8081 ./run.sh"
fi

mkdir -p .keycloak
step "Building the bundle…"
if [[ ! -x "$kc_home/bin/kc.sh" ]]; then
  step "Unpacking Keycloak $version (first run only)…"
fi
if ! mvn -B -q -Dstyle.color=never package -DskipTests -Dkcaws.matrix.skip=true >"$build_log" 2>&1; then
  show_maven_errors "$build_log"
  fail "Maven build failed; see $build_log"
fi
[[ -x "$kc_home/bin/kc.sh" ]] || fail "the build did not unpack Keycloak into $kc_home; see $build_log"

step "Installing the bundle (kcaws-providers.jar) and the example theme acme (kcaws-themes.jar) into $kc_home/providers/…"
# -p keeps the jars' timestamps: Keycloak rebuilds itself (~20 s) only when they change.
cp -p providers/target/kcaws-providers.jar themes/target/kcaws-themes.jar "$kc_home/providers/"

step "Copying realm-export/*.json into $kc_home/data/import/…"
mkdir -p "$kc_home/data/import"
rm -f "$kc_home"/data/import/*.json
shopt -s nullglob
realms=(realm-export/*.json)
shopt -u nullglob
if (( ${#realms[@]} )); then
  cp "${realms[@]}" "$kc_home/data/import/"
else
  echo "    (realm-export/ has no realm files yet)"
fi

base="http://localhost:$port"
cat <<INFO
==> Starting Keycloak $version on $base (first start ~40 s; Ctrl-C stops it)…

    Admin console      $base/admin/   ($KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD on the first start)
    AWS admin page     $base/realms/master/aws/admin/   (same admin)
    AWS portal         $base/realms/aws-demo/aws/
    AWS login, all     $base/realms/aws-demo/protocol/saml/clients/amazon-aws
    AWS login, one     $base/realms/aws-demo/aws/console?account_id=222222222222&role_name=PowerUserAccess
    IdP metadata       $base/realms/aws-demo/protocol/saml/descriptor   (upload to IAM)
    Demo users         alice, bob, carol, dave, erin (password = username)

    Realms already in the database are not imported again; delete $kc_home/data/h2 to start over.

INFO
exec "$kc_home/bin/kc.sh" start-dev --import-realm --http-port "$port"
