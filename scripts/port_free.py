"""Exit 0 if `mkdocs serve` can listen on HOST:PORT; otherwise print one line naming the fix.

    python scripts/port_free.py 127.0.0.1 8000

`make serve` runs it first: without it, a busy port ends `mkdocs serve` in a long traceback that
never says how to choose another port.
"""

from __future__ import annotations

import errno
import socket
import sys


def port_problem(host: str, port: int) -> str | None:
    """Why ``port`` cannot be served on ``host`` (None if it can), as one line with the fix."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As mkdocs serve's server does: a port left in TIME_WAIT by a last run is not busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except PermissionError:
            return (
                f"make serve: port {port} needs special rights; use another: make serve PORT=8001"
            )
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"make serve: port {port} is already in use (another `make serve`?); "
                    f"stop it or use another port: make serve PORT={port + 1}"
                )
            return f"make serve: cannot listen on {host}:{port} ({error.strerror})."
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[2].isdigit() or not 0 < int(argv[2]) < 65536:
        port = argv[2] if len(argv) == 3 else ""
        print(
            f"make serve: PORT={port!r} is not a port number; try make serve PORT=8001",
            file=sys.stderr,
        )
        return 2
    problem = port_problem(argv[1], int(argv[2]))
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
