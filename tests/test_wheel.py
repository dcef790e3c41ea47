"""`pip install .` gives a working service: the wheel, installed in a fresh virtual environment,
briefs the seed article with both engines, its prompts read from the installed package.

Built once for the module (about 15 s), offline: `pip wheel --no-build-isolation --no-index`
with the setuptools of the test's own environment, from a copy of the sources (so a stale
build/ in the checkout cannot leak into it). The fresh environment gets the wheel alone
(`--no-deps`); its dependencies come from the test's own environment through a .pth file
holding that environment's site-packages path. A .pth line that is a path only appends the
folder to sys.path: the .pth files inside it, such as the editable install's, are not run, so
the checkout never reaches the fresh environment's sys.path, and the wheel's own `service`
comes first. Every command runs in an empty temporary folder, with no NEWSBRIEF_* variable.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from service.llm.prompts import TEMPLATES, prompt_version
from tests.conftest import ROOT, SEED_ARTICLE
from tests.loopback_model import strong_model_on_loopback

SOURCES = ("pyproject.toml", "README.md", "service", "schemas", "prompts")


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    site_packages: Path
    cwd: Path

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("NEWSBRIEF_", "OPENAI_")) and k != "PYTHONPATH"
        }
        return subprocess.run(
            args, cwd=self.cwd, env=clean | env, capture_output=True, text=True, timeout=120
        )

    def newsbrief(self, *args: str, **env: str) -> dict[str, Any]:
        done = self.run(str(self.venv / "bin" / "newsbrief"), *args, **env)
        assert done.returncode == 0, done.stderr
        result: dict[str, Any] = json.loads(done.stdout)
        return result


def _pip(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = base / "dist"
    _pip("wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist),
         str(source))  # fmt: skip
    shutil.rmtree(source)  # the install must not find the templates it was built from
    (wheel,) = dist.glob("newsbrief-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    _pip("--python", str(python), "install", "--quiet", "--no-deps", "--no-index", str(wheel))
    where = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    site_packages = Path(where.stdout.strip())
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site_packages / "newsbrief_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    cwd = base / "elsewhere"
    cwd.mkdir()
    return Installed(wheel, venv, site_packages, cwd)


def test_the_wheel_carries_the_templates_and_the_typed_markers(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {f"service/prompts/{t}" for t in TEMPLATES} <= names
    assert {"service/py.typed", "schemas/py.typed"} <= names


def test_the_installed_package_reads_its_prompts_from_itself(installed: Installed) -> None:
    probe = (
        "import json, service, schemas, service.llm.prompts as p\n"
        "print(json.dumps({'service': service.__file__, 'schemas': schemas.__file__,"
        " 'prompts': str(p.PROMPTS_DIR), 'version': p.prompt_version()}))"
    )
    done = installed.run(str(installed.venv / "bin" / "python"), "-c", probe)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    inside = installed.site_packages.resolve()
    assert Path(found["service"]).resolve().parent == inside / "service"
    assert Path(found["schemas"]).resolve().parent == inside / "schemas"
    assert Path(found["prompts"]) == inside / "service" / "prompts"
    assert found["version"] == prompt_version()  # the same templates, the same version


def test_the_installed_cli_briefs_the_seed_with_the_extractive_engine(
    installed: Installed,
) -> None:
    brief = installed.newsbrief("summarize", str(SEED_ARTICLE), "--engine", "extractive")
    assert brief["meta"]["engine"] == "extractive"
    assert brief["claims"]


def test_the_installed_cli_briefs_the_seed_with_the_llm_engine(installed: Installed) -> None:
    with strong_model_on_loopback() as model:
        brief = installed.newsbrief(
            "summarize",
            str(SEED_ARTICLE),
            "--engine",
            "llm",
            "--quiet",
            NEWSBRIEF_BASE_URL=model.base_url,
            NEWSBRIEF_MODEL="fake-model",
        )
    assert brief["meta"]["engine"] == "llm"
    assert brief["meta"]["prompt_version"] == prompt_version()
    assert brief["claims"]
    assert len(model.requests) == 1


def test_the_installed_library_api_briefs_a_text(installed: Installed) -> None:
    probe = (
        "import sys\n"
        "from service import brief_text\n"
        "brief = brief_text(open(sys.argv[1], encoding='utf-8').read(), engine='extractive')\n"
        "print(brief.model_dump_json())"
    )
    done = installed.run(str(installed.venv / "bin" / "python"), "-c", probe, str(SEED_ARTICLE))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["engine"] == "extractive"
