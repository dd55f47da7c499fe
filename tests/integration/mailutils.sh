#!/usr/bin/env bash
# A throwaway GNU Mailutils 3.15 imap4d for integration tests: unprivileged, on 127.0.0.1, in a
# temp directory, run from the prefix scripts/install-servers.sh unpacked it into.
#
#   mailutils.sh start DIR    writes DIR/imap4d.conf, starts imap4d, prints "PORT"
#   mailutils.sh stop DIR     stops it by its PID (also fine if it is not running)
#
# One user, "imapkit" with password "imapkit-pass", in a virtual domain (virtdomain: a passwd
# file in DIR/virt with a SHA-512 crypt hash; the login name is "imapkit@imapkit.test"), its
# INBOX an mbox file in DIR/home/imapkit and its folders mbox files in DIR/home/imapkit/mail (so
# a folder cannot hold another). Kernel locks (the dotlock helper is not installed). The user's uid is the one imap4d runs as (the invoking user when it is not
# root, else "nobody", never root), so imap4d needs no privilege to become it; it only warns that
# it cannot set the mail group. Logs go to DIR/imap4d.log (syslog off).
set -euo pipefail

cmd=${1:?usage: mailutils.sh start|stop DIR}
dir=${2:?usage: mailutils.sh start|stop DIR}
prefix=${IMAPKIT_SERVERS:-/opt/imapkit/servers}/mailutils

# shellcheck source=server_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_common.sh"

stop() { stop_by_pidfile "$dir/run/imap4d.pid"; }

start() {
  [[ -x "$prefix/usr/sbin/imap4d" ]] || {
    echo "mailutils.sh: imap4d is not unpacked in $prefix (scripts/install-servers.sh)" >&2
    exit 1
  }
  stop
  rm -rf "$dir"
  mkdir -p "$dir/run" "$dir/virt" "$dir/home/imapkit/mail"
  : > "$dir/home/imapkit/INBOX"  # the user's INBOX: an mbox file in the home directory
  local server_user server_group run_as
  unprivileged_user
  local user=$server_user group=$server_group
  local port hash
  port=$(free_port)
  hash=$(openssl passwd -6 imapkit-pass)
  printf 'imapkit:%s:%s:%s::%s/home/imapkit:/bin/sh\n' "$hash" "$(id -u "$user")" \
    "$(id -g "$user")" "$dir" > "$dir/virt/imapkit.test"
  cat > "$dir/imap4d.conf" <<CONF
auth {
  authorization virtdomain;
  authentication generic;
};
virtdomain {
  passwd-dir $dir/virt;
};
logging {
  syslog false;
};
locking {
  type kernel;
};
namespace personal {
  prefix "" {
    directory "$dir/home/\${user}/mail";
    delimiter "/";
  };
};
mode daemon;
pidfile $dir/run/imap4d.pid;
server 127.0.0.1:$port {
  transcript false;
};
CONF
  [[ $(id -u) -eq 0 ]] && chown -R "$user:$group" "$dir"
  LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu" "${run_as[@]}" "$prefix/usr/sbin/imap4d" \
    --config-file="$dir/imap4d.conf" > "$dir/imap4d.log" 2>&1 < /dev/null
  wait_for_port "$port" && return 0
  echo "mailutils.sh: imap4d did not start; its log:" >&2
  cat "$dir/imap4d.log" >&2 || true
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: mailutils.sh start|stop DIR" >&2; exit 2 ;;
esac
