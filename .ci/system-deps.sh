#!/usr/bin/env bash
# System packages the slow tests need on a fresh Debian 12 machine (run as root):
#   docker.io    a Docker engine; the container test starts its own private dockerd
#   debootstrap  builds a local python:3.12-slim stand-in when no container registry is reachable
#   chromium     the headless browser the playground test drives
#   wrk          the HTTP load generator of benchmarks/http_load.py
# Idempotent: packages already present are left alone and apt-get is skipped entirely when
# nothing is missing. Nothing is started here: no service, no daemon.
set -euo pipefail

PACKAGES=(docker.io debootstrap chromium wrk)

if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: not root, skipping package installation" >&2
    exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "system-deps: all present (${PACKAGES[*]})" >&2
    exit 0
fi

echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d keeps the packages' maintainer scripts from starting daemons (docker.io would
# otherwise try to start a system engine); it is removed again on exit if we created it
created_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
fi
cleanup() { if [ -n "$created_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
