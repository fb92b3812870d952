#!/usr/bin/env bash
# Runs a command (a test) with a private, unlocked GNOME Keyring on a private D-Bus session bus,
# so QtKeychain reaches a real Secret Service without touching the user's own keychain.
# Fails (exit 1) when the keyring cannot be started; never skips.
set -euo pipefail
if (($# == 0)); then
    echo "usage: $0 command [arguments...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-with-keyring: $tool is missing (scripts/deps installs it)" >&2
        exit 1
    fi
done
home=$(mktemp -d "${TMPDIR:-/tmp}/shardscope-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/runtime" "$home/data" "$home/config"
chmod 700 "$home" "$home/runtime"
export HOME="$home" XDG_RUNTIME_DIR="$home/runtime" XDG_DATA_HOME="$home/data" \
    XDG_CONFIG_HOME="$home/config"
# --unlock reads the login keyring's password from stdin and creates the keyring (the default
# collection QtKeychain writes to). GNOME Keyring 42 creates none for an empty password, so a
# throwaway one; the keyring lives in $home and goes with it. The daemon leaves with the bus.
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
    set -euo pipefail
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true" && break
        sleep 0.1
    done
    export SHARDSCOPE_PRIVATE_KEYRING=1
    exec "$@"' run-with-keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
