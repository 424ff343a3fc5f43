#!/usr/bin/env bash
# Build a local stand-in for the `python:3.12-slim` base image from Debian packages, for
# Docker engines that cannot pull from a container registry.
#
# Usage: scripts/docker-standin-base.sh [TAG]        (TAG defaults to python:3.12-slim)
#
# The engine is the one `docker` talks to (set DOCKER_HOST for a private engine). The stand-in
# is Debian 12 with Debian's Python 3.11 at /usr/local/bin/python, like the official image's
# layout; the project stays compatible with Python 3.11 for this reason.
#
# The debootstrapped root filesystem is cached as a tarball, so later runs only re-import it:
#   CLEANER_STANDIN_CACHE  cache folder      (default: ${XDG_CACHE_HOME:-~/.cache}/cleaner/standin-base)
#   DEBIAN_MIRROR          Debian mirror     (default: http://deb.debian.org/debian)
#   STANDIN_CA_BUNDLE      CA bundle copied into the image so that pip inside a build trusts
#                          this machine's HTTPS proxy (default: /etc/ssl/certs/ca-certificates.crt;
#                          set it to an empty string to keep Debian's own bundle). The bundle
#                          lives only in the cache and the local image, never in the repository.
# Needs root (debootstrap), debootstrap and a docker client.
set -euo pipefail

TAG="${1:-python:3.12-slim}"
CACHE_DIR="${CLEANER_STANDIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cleaner/standin-base}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CA_BUNDLE="${STANDIN_CA_BUNDLE-/etc/ssl/certs/ca-certificates.crt}"
SUITE=bookworm
PACKAGES=python3,python3-pip,python3-venv,ca-certificates
TARBALL="$CACHE_DIR/rootfs-$SUITE.tar"

log() { printf 'docker-standin-base: %s\n' "$*" >&2; }

for tool in debootstrap docker tar; do
    command -v "$tool" >/dev/null || { log "missing tool: $tool"; exit 2; }
done

if [ ! -s "$TARBALL" ]; then
    mkdir -p "$CACHE_DIR"
    work="$(mktemp -d "$CACHE_DIR/build.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    log "debootstrap $SUITE from $MIRROR (about a minute)"
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$work/rootfs" "$MIRROR" \
        >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
    root="$work/rootfs"
    # pip may install into the system interpreter, as in the official image
    rm -f "$root"/usr/lib/python3*/EXTERNALLY-MANAGED
    ln -sf /usr/bin/python3 "$root/usr/local/bin/python"
    ln -sf /usr/bin/pip3 "$root/usr/local/bin/pip"
    if [ -n "$CA_BUNDLE" ] && [ -s "$CA_BUNDLE" ]; then
        cp "$CA_BUNDLE" "$root/etc/ssl/certs/ca-certificates.crt"
    fi
    # keep the tarball small: package lists, caches and docs are not needed at run time
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
    tar -C "$root" --numeric-owner -cf "$work/rootfs.tar" .
    mv "$work/rootfs.tar" "$TARBALL"
    log "cached $TARBALL"
fi

log "importing $TARBALL as $TAG"
docker import \
    -c 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'CMD ["python3"]' \
    "$TARBALL" "$TAG" >/dev/null
log "done: $TAG"
