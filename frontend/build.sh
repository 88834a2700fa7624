#!/usr/bin/env bash
# Rebuild Check-in's committed front-end assets:
#   static/css/app.css(.gz)          govuk-frontend subset + our styles
#   static/css/app.rtl.css(.gz)      the same, mirrored by rtlcss for right-to-left languages
#   static/js/htmx-<ver>.min.js(.gz) vendored htmx
#   tests/browser/vendor/axe-<ver>.min.js  axe-core for browser tests
# Needs Node 20+ and npm at build time only. Run from anywhere:
#   bash frontend/build.sh
set -euo pipefail

FRONTEND="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$FRONTEND")"
cd "$FRONTEND"

if [ ! -d node_modules ]; then
  # --ignore-scripts: nothing here needs an install script (sass's optional
  # @parcel/watcher is only for --watch).
  npm ci --ignore-scripts --no-audit --no-fund
fi

pkg_version() {
  node -p "require('./node_modules/$1/package.json').version"
}

HTMX_VERSION="$(pkg_version htmx.org)"
AXE_VERSION="$(pkg_version axe-core)"

# Byte-identical gzip across builds: -n leaves out the name and timestamp.
gz() { gzip -9 -n -c "$1" > "$1.gz"; }

# --- CSS ---------------------------------------------------------------------
mkdir -p "$ROOT/static/css"
CSS="$ROOT/static/css/app.css"
npx --no-install sass --pkg-importer=node --style=compressed --no-source-map \
  src/app.scss "$CSS"

# No GOV.UK font or images may end up in the CSS.
for banned in "GDS Transport" "font-face" "url("; do
  if grep -qiF "$banned" "$CSS"; then
    echo "build.sh: '$banned' found in $CSS" >&2
    exit 1
  fi
done
gz "$CSS"

# Right-to-left (Arabic, Dari): the same CSS mirrored. GOV.UK Frontend has no RTL support of its own.
RTL="$ROOT/static/css/app.rtl.css"
npx --no-install rtlcss --silent "$CSS" "$RTL"
gz "$RTL"

# --- htmx --------------------------------------------------------------------
mkdir -p "$ROOT/static/js"
rm -f "$ROOT"/static/js/htmx-*.min.js "$ROOT"/static/js/htmx-*.min.js.gz
HTMX="$ROOT/static/js/htmx-$HTMX_VERSION.min.js"
cp node_modules/htmx.org/dist/htmx.min.js "$HTMX"
gz "$HTMX"

# --- axe-core (browser tests only) ------------------------------------------
VENDOR="$ROOT/tests/browser/vendor"
mkdir -p "$VENDOR"
rm -f "$VENDOR"/axe-*.min.js
cp node_modules/axe-core/axe.min.js "$VENDOR/axe-$AXE_VERSION.min.js"
cat > "$VENDOR/README.md" <<EOF
# Vendored test assets

\`axe-$AXE_VERSION.min.js\` is \`axe.min.js\` from the npm package
\`axe-core@$AXE_VERSION\` (Deque Systems, https://github.com/dequelabs/axe-core),
copied unchanged by \`frontend/build.sh\` from \`frontend/node_modules/\`.
Licence: Mozilla Public License 2.0 (MPL-2.0); the licence header is kept at the
top of the file. It is used only by the browser tests, never served by the app.

To update: change the axe-core version in \`frontend/package.json\`, run
\`npm install\` in \`frontend/\`, then \`bash frontend/build.sh\`.
EOF

# Our own small script (static/js/app.js) is written by hand; keep its .gz in step.
gz "$ROOT/static/js/app.js"

echo "built: $(wc -c < "$CSS") B css, $(wc -c < "$CSS.gz") B gzipped;" \
  "htmx $HTMX_VERSION; axe-core $AXE_VERSION"
