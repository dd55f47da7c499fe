#!/usr/bin/env bash
# Unpacks the IMAP servers that cannot be installed beside Dovecot into a private prefix, for the
# integration tests (tests/integration/cyrus.sh, courier.sh, mailutils.sh). Debian's IMAP server
# packages all provide and conflict with `imap-server`, so apt installs only one of them: Dovecot
# stays installed, and the others' packages are fetched with `apt-get download`, unpacked with `dpkg-deb -x` into
# $IMAPKIT_SERVERS/<server> (default /opt/imapkit/servers) and started from there with absolute
# paths. Only their library dependencies are installed with apt; no maintainer script runs, no
# system user is created, no configuration outside the prefix is written.
#
#   scripts/install-servers.sh          unpack what is missing (idempotent)
#
# Run by scripts/install-deps.sh, as root or through sudo.
set -euo pipefail

prefix=${IMAPKIT_SERVERS:-/opt/imapkit/servers}
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-servers: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# unpack SERVER STAMP-FILE PACKAGE...: fetch the packages, install the libraries they depend on,
# unpack them into $prefix/SERVER. STAMP-FILE (relative to the prefix) says it is done.
unpack() {
  local server=$1 stamp=$2
  shift 2
  if [[ -e "$prefix/$server/$stamp" ]]; then
    echo "install-servers: $server is unpacked in $prefix/$server"
    return
  fi
  local work
  work=$(mktemp -d)
  chmod 755 "$work"
  # apt-get download runs as _apt where it can: give it a folder it may write.
  if [[ -z $sudo ]] && id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
  if ! (cd "$work" && $sudo apt-get download "$@"); then
    $sudo apt-get update  # stale package lists name versions the mirror no longer has
    (cd "$work" && $sudo apt-get download "$@")
  fi
  # The libraries (lib*) each package depends on, minus what is installed; the other dependencies
  # (an MTA, adduser, debconf, init scripts) are for the package's own installation, not run here.
  local deps=() dep
  for deb in "$work"/*.deb; do
    while read -r dep; do
      [[ $dep == lib* ]] || continue
      dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" ||
        deps+=("$dep")
    done < <(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed -E 's/^ *([^ ]+).*/\1/' |
      sed 's/:any$//' | sort -u)
  done
  # The packages themselves are not dependencies of each other's libraries: leave them out.
  local own=" $* " wanted=()
  for dep in "${deps[@]}"; do [[ $own == *" $dep "* ]] || wanted+=("$dep"); done
  if ((${#wanted[@]} > 0)); then
    echo "install-servers: installing the libraries of $server: ${wanted[*]}"
    $sudo apt-get install -y --no-install-recommends "${wanted[@]}"
  fi
  $sudo mkdir -p "$prefix/$server"
  for deb in "$work"/*.deb; do $sudo dpkg-deb -x "$deb" "$prefix/$server"; done
  rm -rf "$work"
  [[ -e "$prefix/$server/$stamp" ]] || { echo "install-servers: $server: no $stamp" >&2; exit 1; }
  echo "install-servers: $server unpacked in $prefix/$server"
}

# Cyrus IMAP 3.6: master, imapd and the tools; its libraries (libcyrus*.so) are in the prefix.
unpack cyrus usr/lib/cyrus/bin/master cyrus-common cyrus-imapd

# GNU Mailutils 3.15 imap4d: the daemon and the libmailutils it links with.
unpack mailutils usr/sbin/imap4d mailutils-imap4d libmailutils9 mailutils-common

# Courier IMAP 5.0: couriertcpd, imaplogin and imapd, and Courier's authentication library with
# its daemon and the userdb module (tests/integration/courier.sh runs them in a private mount
# namespace, where Courier's compiled-in paths /etc/courier, /run/courier and
# /usr/lib/courier-authlib show this prefix's files).
unpack courier usr/bin/imapd courier-imap courier-base courier-authlib courier-authdaemon \
  courier-authlib-userdb
