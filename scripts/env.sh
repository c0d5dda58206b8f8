# Sourced by the other scripts: where the project's tools live. Kept here, not in a profile, so a
# fresh shell (or CI) finds the same tools.
export WEB_CABINET_TOOLS="${WEB_CABINET_TOOLS:-$HOME/.cache/web-cabinet}"
export PATH="$WEB_CABINET_TOOLS/npm/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never try to download a tool or check for updates.
export TRUNK_SKIP_VERSION_CHECK=true
