#!/usr/bin/env bash
# Re-fetches the keycloak-js adapter the admin page signs in with, from the npm registry, checks the
# package against the integrity hash pinned here, and copies its ES module (licence header kept,
# byte for byte) and licence into the providers jar's theme resources. No build step: the page
# imports the file as it is. To move to a newer keycloak-js: change VERSION and INTEGRITY (from
# `npm view keycloak-js@<version> dist.integrity`), run this script, run AdminPageBrowserIT.
set -euo pipefail

VERSION=26.2.4
INTEGRITY=sha512-PnXpR3ubETGOt0B/Qt2lxmPbkZr5bc3vlQsOqDoTPPQsZRp7JjhTKxlJ187uWh8qJhvBab6Gsjb06a8ayOPfuw==

cd "$(dirname "$0")/.."
source scripts/common.sh
command -v npm >/dev/null 2>&1 || fail "npm not found on PATH; it fetches the package from the npm registry"
dest=providers/src/main/resources/theme-resources/resources/kcaws/admin/vendor/keycloak-js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "Fetching keycloak-js@$VERSION from the npm registry…"
tarball=$(cd "$work" && npm pack --silent "keycloak-js@$VERSION")
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
[[ "$actual" == "$INTEGRITY" ]] || fail "keycloak-js@$VERSION does not match the pinned integrity hash (got $actual)"
tar -xzf "$work/$tarball" -C "$work" package/lib/keycloak.js package/LICENSE.txt package/package.json
grep -q "\"version\": \"$VERSION\"" "$work/package/package.json" || fail "the package is not keycloak-js $VERSION"

mkdir -p "$dest"
cp "$work/package/lib/keycloak.js" "$dest/keycloak.js"
cp "$work/package/LICENSE.txt" "$dest/LICENSE.txt"
chmod 644 "$dest/keycloak.js" "$dest/LICENSE.txt"
printf 'keycloak-js %s from the npm registry (%s), lib/keycloak.js unchanged; fetched by scripts/vendor-keycloak-js.sh\n' \
  "$VERSION" "$INTEGRITY" > "$dest/VERSION"
step "Vendored keycloak-js $VERSION into $dest (sha256 of keycloak.js: $(sha256sum "$dest/keycloak.js" | cut -d' ' -f1))"
