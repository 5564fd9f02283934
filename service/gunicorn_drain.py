"""A graceful stop that resets no connection: the kernel stops taking new ones, the workers drain the queued ones.

gunicorn's master, on SIGTERM, closes its listening sockets and tells the workers to stop; each worker closes its
copy, and when the last copy closes the kernel resets every connection still in the socket's accept queue. Those
clients have sent their request and get a reset instead of an answer (bench/faults.py: 1-2 per stop under load).
Draining the queue before closing alone cannot work: under load a new connection arrives between the last accept
and the close. So, on a stop that ends the socket's life:

1. the master attaches a socket filter to each TCP listener that drops incoming SYNs (`refuse_new_connections`):
   the kernel stops queueing new connections, while handshakes already under way and queued connections go on.
   A client whose SYN was dropped sends it again a second later, finds the socket closed and gets a clean
   "connection refused" (what a balancer retries elsewhere);
2. the workers keep accepting until the queue is empty (`service/gunicorn_worker.py`, `ProblemThreadWorker.drain`)
   and answer those requests as usual, with `Connection: close`, within GRACEFUL_TIMEOUT; then they close.

Stdlib only (imported by gunicorn_conf.py's hook in the master). Linux: elsewhere, or for a UNIX socket, nothing
is attached and the stop is gunicorn's own.
"""
from __future__ import annotations

import ctypes
import socket
import struct
import sys
from typing import Any

_SO_ATTACH_FILTER = 26  # <asm-generic/socket.h>; Python's socket module does not name it
# Classic BPF, run on each segment that reaches the listening socket (data starts at the TCP header; byte 13 holds
# its flags): drop it when the SYN flag is set, keep it whole otherwise.
_BPF_LD_B_ABS, _BPF_JSET_K, _BPF_RET_K = 0x30, 0x45, 0x06
_TCP_FLAGS_OFFSET, _TCP_SYN = 13, 0x02
_DROP_SYN = (
    (_BPF_LD_B_ABS, 0, 0, _TCP_FLAGS_OFFSET),
    (_BPF_JSET_K, 1, 0, _TCP_SYN),  # SYN set: skip to the drop
    (_BPF_RET_K, 0, 0, 0xFFFF_FFFF),
    (_BPF_RET_K, 0, 0, 0),
)


def refuse_new_connections(listener: socket.socket) -> bool:
    """Make the kernel drop new connection attempts (SYNs) to `listener`; whether it could (TCP on Linux)."""
    if not sys.platform.startswith("linux") or listener.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in _DROP_SYN)
    program = ctypes.create_string_buffer(code, len(code))
    # struct sock_fprog {unsigned short len; struct sock_filter *filter;}; the kernel copies the code at once.
    listener.setsockopt(socket.SOL_SOCKET, _SO_ATTACH_FILTER, struct.pack("HP", len(_DROP_SYN),
                                                                          ctypes.addressof(program)))
    return True


def install(arbiter: Any) -> None:
    """Make `arbiter`'s graceful stop refuse new connections before its listeners close (gunicorn's on_starting).

    Only when this stop ends the sockets: gunicorn's own test for unlinking them (no re-executed master shares
    them, systemd does not hold them), so a reload or an upgrade keeps taking connections.
    """
    stop = arbiter.stop

    def stop_without_resets(graceful: bool = True) -> None:
        if graceful and arbiter.reexec_pid == arbiter.master_pid == 0 and not arbiter.systemd:
            for listener in arbiter.LISTENERS:
                try:
                    if refuse_new_connections(listener.sock):
                        arbiter.log.info("Refusing new connections on %s; draining the queued ones", listener)
                except OSError as exc:  # the stop goes on as gunicorn's own
                    arbiter.log.warning("Could not filter %s: %s", listener, exc)
        stop(graceful)

    arbiter.stop = stop_without_resets
