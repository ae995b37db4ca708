"""Running a command with some folders read-only, as root too (where chmod changes nothing):
in a private mount namespace with read-only bind mounts (``unshare``)."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


def run_readonly(cmd: Sequence[str], folders: Sequence[Path], **kwargs: Any
                 ) -> subprocess.CompletedProcess[str]:
    """``subprocess.run(cmd)`` with ``folders`` read-only for it (text output captured)."""
    kwargs = {"capture_output": True, "text": True, "timeout": 300, **kwargs}
    if os.geteuid() != 0:
        modes = {f: f.stat().st_mode for f in folders}
        for f in folders:
            f.chmod(stat.S_IMODE(modes[f]) & ~0o222)
        try:
            return subprocess.run(list(cmd), **kwargs)
        finally:
            for f, mode in modes.items():
                f.chmod(stat.S_IMODE(mode))
    if not _unshare_works():
        pytest.skip("running as root without `unshare -rm`: no way to make a folder read-only")
    mounts = " && ".join(f"mount --bind -o ro {shlex.quote(str(f))} {shlex.quote(str(f))}"
                         for f in folders)
    return subprocess.run(["unshare", "-rm", "sh", "-c", f'{mounts} && exec "$@"', "sh", *cmd],
                          **kwargs)
