#!/usr/bin/env bash
# Installs the Debian packages aez builds against: libpng and zlib with their headers, and
# pkg-config to find them. Uses sudo when not run as root.
set -euo pipefail
packages=(libpng-dev zlib1g-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq "${missing[@]}"
