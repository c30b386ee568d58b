#!/usr/bin/env bash
# The site built for a folder (BASE_PATH), as the browser tests serve it from a
# lecturer's ~user/ directory (e2e/embed/folderSite.ts: FOLDER, folderBuild).
# npm test builds it beside the other checks and hands it to the browser stage
# in E2E_FOLDER_DIST: built inside that stage it cost 10-11 s of CPU there, where
# every second of CPU is a second of the run. Usage: build-folder-site.sh DIR
set -eu
cd "$(dirname "$0")/.."
dir=${1:?usage: build-folder-site.sh DIR}
rm -rf "$dir"
mkdir -p "$dir"
# The folder must be the one e2e/embed/folderSite.ts serves (FOLDER): it checks the built pages for it.
BASE_PATH=/~user/mail/ VITE_CONFIG_NATIVE_IGNORE_WARNING=true node_modules/.bin/vite build --outDir "$dir" --logLevel error
touch "$dir/.built"
