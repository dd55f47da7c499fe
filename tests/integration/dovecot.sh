#!/usr/bin/env bash
# A throwaway Dovecot for integration tests: unprivileged, on 127.0.0.1, in a temp directory.
#
#   dovecot.sh start DIR    writes DIR/dovecot.conf, starts Dovecot, prints "PORT"
#   dovecot.sh stop DIR     stops it by its PID (also fine if it is not running)
#
# One user, "imapkit" with password "imapkit-pass" (passwd-file), maildir under DIR/home, no TLS,
# plaintext auth on loopback, the IMAP extensions Dovecot ships enabled. The master process
# runs as the invoking user when that is not root, else as "nobody": never as root.
set -euo pipefail

cmd=${1:?usage: dovecot.sh start|stop DIR}
dir=${2:?usage: dovecot.sh start|stop DIR}

# shellcheck source=server_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_common.sh"

stop() { stop_by_pidfile "$dir/run/master.pid"; }

start() {
  command -v dovecot >/dev/null || { echo "dovecot.sh: dovecot is not installed (dovecot-imapd)" >&2; exit 1; }
  stop
  rm -rf "$dir"
  mkdir -p "$dir/run" "$dir/state" "$dir/home"
  local server_user server_group run_as
  unprivileged_user
  local user=$server_user group=$server_group
  if [[ $(id -u) -eq 0 ]]; then
    chown -R "$user:$group" "$dir"
    chmod 755 "$dir"
  fi
  local uid gid port
  uid=$(id -u "$user")
  gid=$(id -g "$user")
  port=$(free_port)
  printf 'imapkit:{PLAIN}imapkit-pass:%s:%s::%s/home/imapkit\n' "$uid" "$gid" "$dir" > "$dir/users"
  cat > "$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
mail_location = maildir:~/Maildir
mail_uid = $uid
mail_gid = $gid
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/users
}
userdb {
  driver = passwd-file
  args = $dir/users
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
  user = $user
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    user = $user
    group = $group
  }
  unix_listener stats-writer {
    user = $user
    group = $group
  }
}
service auth {
  user = $user
}
service auth-worker {
  user = $user
}
service imap {
  user = $user
}
CONF
  [[ $(id -u) -eq 0 ]] && chown -R "$user:$group" "$dir"
  "${run_as[@]}" dovecot -c "$dir/dovecot.conf"
  wait_for_port "$port" && return 0
  echo "dovecot.sh: Dovecot did not start; its log:" >&2
  cat "$dir/dovecot.log" >&2 || true
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: dovecot.sh start|stop DIR" >&2; exit 2 ;;
esac
