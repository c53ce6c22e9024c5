#!/usr/bin/env bash
# What tests/test_ckan_live.py and tests/test_ckan_parser.py run for real: PostgreSQL and Redis from Debian (started
# by the tests, on 127.0.0.1, in temporary folders), and CKAN 2.12 with ckanext-dcat and ckanext-harvest from PyPI in
# a venv of its own at .cache/ckan/venv (git-ignored; CKAN pins exact versions of flask, sqlalchemy, requests … that
# our own environment must not be bound to). Idempotent: a venv installed from the same requirements is kept.
# Called by .ci/run; run it by hand before the live tests on a developer machine (apt-get needs root).
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # the packages' own start scripts are not needed (the tests start private instances): policy-rc.d may refuse them
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

venv=.cache/ckan/venv
requirements=tests/ckan/requirements.txt
stamp="$venv/installed-requirements.txt"
if [[ -x "$venv/bin/ckan" ]] && cmp -s "$stamp" "$requirements"; then
  exit 0
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
