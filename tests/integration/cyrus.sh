#!/usr/bin/env bash
# A throwaway Cyrus IMAP 3.6 for integration tests: unprivileged, on 127.0.0.1, in a temp
# directory, run from the prefix scripts/install-servers.sh unpacked it into.
#
#   cyrus.sh start DIR    writes DIR/imapd.conf and DIR/cyrus.conf, starts Cyrus, prints "PORT"
#   cyrus.sh stop DIR     stops it by its PID (also fine if it is not running)
#
# One user, "imapkit" with password "imapkit-pass" (a sasldb in DIR, PLAIN and LOGIN), whose INBOX
# Cyrus creates at the first login (autocreate_quota); no TLS, plaintext logins on loopback.
# Cyrus's master must run as its "cyrus_user": that is the invoking user when it is not root,
# else "nobody", never root; every program is named by absolute path (the prefix's, with -C), and
# its libraries come from the prefix through LD_LIBRARY_PATH. Cyrus logs only to syslog (no
# /dev/log here: nothing is kept); its per-user protocol telemetry is written to
# DIR/conf/log/imapkit/ instead, which is what a failing test prints.
set -euo pipefail

cmd=${1:?usage: cyrus.sh start|stop DIR}
dir=${2:?usage: cyrus.sh start|stop DIR}
prefix=${IMAPKIT_SERVERS:-/opt/imapkit/servers}/cyrus
bin=$prefix/usr/lib/cyrus/bin

# shellcheck source=server_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_common.sh"

stop() { stop_by_pidfile "$dir/run/master.pid" group; }

start() {
  [[ -x "$bin/master" ]] || {
    echo "cyrus.sh: Cyrus is not unpacked in $prefix (scripts/install-servers.sh)" >&2
    exit 1
  }
  command -v saslpasswd2 >/dev/null || { echo "cyrus.sh: saslpasswd2 is missing (sasl2-bin)" >&2; exit 1; }
  stop
  rm -rf "$dir"
  mkdir -p "$dir/run" "$dir/spool" "$dir/socket" "$dir/conf/log/imapkit"
  for d in db proc socket lock quota user sieve; do mkdir -p "$dir/conf/$d"; done
  local server_user server_group run_as
  unprivileged_user
  local user=$server_user group=$server_group
  local port
  port=$(free_port)
  cat > "$dir/imapd.conf" <<CONF
configdirectory: $dir/conf
partition-default: $dir/spool
cyrus_user: $user
cyrus_group: $group
servername: cyrus.imapkit.test
admins: cyrusadmin
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $dir/sasldb2
sasl_mech_list: PLAIN LOGIN
allowplaintext: yes
unixhierarchysep: yes
altnamespace: yes
autocreate_quota: 0
lmtpsocket: $dir/socket/lmtp
idlesocket: $dir/socket/idle
notifysocket: $dir/socket/notify
imapidlepoll: 1
CONF
  cat > "$dir/cyrus.conf" <<CONF
START {
  recover cmd="$bin/ctl_cyrusdb -C $dir/imapd.conf -r"
}
SERVICES {
  imap cmd="$bin/imapd -C $dir/imapd.conf" listen="127.0.0.1:$port" prefork=0
}
EVENTS {
}
DAEMON {
  idled cmd="$bin/idled -C $dir/imapd.conf"
}
CONF
  echo "imapkit-pass" | saslpasswd2 -p -c -f "$dir/sasldb2" -u cyrus.imapkit.test imapkit
  [[ $(id -u) -eq 0 ]] && chown -R "$user:$group" "$dir"
  LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu" "${run_as[@]}" "$bin/master" \
    -C "$dir/imapd.conf" -M "$dir/cyrus.conf" -p "$dir/run/master.pid" -d
  wait_for_port "$port" && return 0
  echo "cyrus.sh: Cyrus did not start (it logs to syslog only)" >&2
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: cyrus.sh start|stop DIR" >&2; exit 2 ;;
esac
