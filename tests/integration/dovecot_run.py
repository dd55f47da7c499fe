"""Running a throwaway Dovecot (dovecot.sh) from the integration tests that talk to one:
dovecot_client.py, mime_vs_dovecot.py and the proxy tests (proxy_common.py)."""

import os
import signal
import subprocess
import tempfile


class Failure(Exception):
    """A failed check or setup step of an integration test."""


def exit_on_signals():
    """ctest's timeout sends SIGTERM (and Ctrl-C SIGINT): unwind so that the finally blocks stop
    what was started."""
    def interrupted(signum, _frame):
        raise SystemExit(f"interrupted by signal {signum}")
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)


def dovecot_env(dovecot):
    """The environment for dovecot.sh: `dovecot` (the binary, may be None) joins PATH, since
    /usr/sbin is not in every user's PATH."""
    env = dict(os.environ)
    if dovecot:
        env["PATH"] = os.path.dirname(dovecot) + os.pathsep + env.get("PATH", "")
    return env


def start_dovecot(dovecot_sh, directory, env):
    """Starts Dovecot in `directory` (dovecot.sh start); returns its port. Call stop_dovecot
    afterwards even when this raises: dovecot.sh may have started it before failing."""
    # Files, not pipes: the Dovecot daemon inherits them and keeps them open, so reading a pipe
    # to its end would wait for Dovecot to exit.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = subprocess.run(["bash", dovecot_sh, "start", directory], env=env, stdout=out,
                               stderr=err)
        out.seek(0)
        err.seek(0)
        port = out.read().decode().strip()
        if start.returncode != 0 or not port.isdigit():
            raise Failure("dovecot.sh start failed: " + err.read().decode(errors="replace"))
    return int(port)


def stop_dovecot(dovecot_sh, directory, env):
    subprocess.run(["bash", dovecot_sh, "stop", directory], env=env, check=False)
