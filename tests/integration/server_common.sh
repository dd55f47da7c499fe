# Shared by the throwaway servers of the integration tests (dovecot.sh, cyrus.sh, courier.sh,
# mailutils.sh): sourced, not run. Each server listens on a free 127.0.0.1 port, runs
# unprivileged where it can (courier.sh says why it cannot) and is stopped by PID.

# stop_by_pidfile FILE: TERM, then KILL after 5 s, the process whose PID FILE holds (fine if
# there is none); with `group`, its process group too (the services a master started).
stop_by_pidfile() {
  local file=$1 mode=${2:-}
  [[ -f "$file" ]] || return 0
  local pid
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  if [[ $mode == group ]]; then pkill -9 -g "$pid" 2>/dev/null || true; fi
  # Children that outlive their parent (one process per connection).
  pkill -9 -P "$pid" 2>/dev/null || true
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# unprivileged_user: sets server_user, server_group and run_as (the command prefix that runs a
# program as them): the invoking user when it is not root, else "nobody", never root.
unprivileged_user() {
  if [[ $(id -u) -eq 0 ]]; then
    server_user=nobody
    server_group=$(id -gn nobody)
    run_as=(setpriv --reuid=nobody --regid="$server_group" --init-groups --)
  else
    server_user=$(id -un)
    server_group=$(id -gn)
    run_as=()
  fi
}

# wait_for_port PORT: prints PORT once a connection to it succeeds (10 s at most); else returns 1.
wait_for_port() {
  local port=$1
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    sleep 0.1
  done
  return 1
}
