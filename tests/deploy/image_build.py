"""Build the project's Docker image, and run commands in it, without a Docker engine.

Debian's own tools do it (docs/deploy.md, "Building the image without Docker"):

- `debootstrap --variant=minbase bookworm` makes a Debian root file system, cached
  under CACHE_DIR (it depends on the Debian release only);
- `buildah` turns it into a local base image (`FROM scratch` + `COPY rootfs/ /`)
  and builds the Dockerfile on top of it with `--build-arg DEBIAN_IMAGE=...`,
  chroot isolation and the vfs storage driver (no kernel overlay, no daemon);
- `buildah run` starts a command in a working container made from the image
  (podman's `run` fails here on setrlimit; buildah's chroot run does not).

Failures are failures: nothing here skips.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEBIAN_RELEASE = "bookworm"
CACHE_DIR = Path(
    os.environ.get("JOBAGENT_IMAGE_CACHE", Path.home() / ".cache" / "jobagent" / "image-build")
)
ARTIFACTS = REPO_ROOT / "test-artifacts" / "image-build"
BASE_IMAGE = f"localhost/jobagent-debian-base:{DEBIAN_RELEASE}"
APP_IMAGE = "localhost/jobagent:image-test"
# One storage driver for every buildah call: vfs needs no overlay support.
BUILDAH = ("buildah", "--storage-driver", "vfs")
# The host's trust store: extra certificate authorities it trusts (a proxy's, a
# company's) are handed to the base image so the build reaches the registries.
HOST_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
MOZILLA_CERTS = "/usr/share/ca-certificates/mozilla/*.crt"
CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"
_PEM = re.compile(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", re.S)


@dataclass
class Timings:
    phases: dict[str, float] = field(default_factory=dict)

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.monotonic()
        try:
            yield
        finally:
            self.phases[name] = round(time.monotonic() - start, 1)

    def report(self) -> str:
        return ", ".join(f"{name} {secs:.0f} s" for name, secs in self.phases.items())


def run(
    args: list[str] | tuple[str, ...],
    *,
    log: Path | None = None,
    timeout: float = 600,
    what: str,
    cwd: Path | None = None,
) -> str:
    """Run `args`; on failure, fail the test with the end of its output."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    if log is not None:
        log.write_text(done.stdout)
    if done.returncode != 0:
        where = f" (full output: {log})" if log else ""
        pytest.fail(
            f"{what} failed with exit code {done.returncode}{where}:\n{done.stdout[-4000:]}",
            pytrace=False,
        )
    return done.stdout


def ensure_tools() -> None:
    """debootstrap and buildah from Debian's packages; installed when missing."""
    missing = [tool for tool in ("debootstrap", "buildah") if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.fail(
            f"{' and '.join(missing)} missing and cannot be installed here (needs root and "
            "apt-get): `apt-get install debootstrap buildah`",
            pytrace=False,
        )
    run(["apt-get", "update", "-qq"], what="apt-get update", timeout=600)
    run(
        ["apt-get", "install", "-y", "-q", "debootstrap", "buildah"],
        what="apt-get install debootstrap buildah",
        log=ARTIFACTS / "apt-install.log",
        timeout=900,
    )
    still = [tool for tool in ("debootstrap", "buildah") if shutil.which(tool) is None]
    if still:
        pytest.fail(f"{', '.join(still)} still missing after apt-get install", pytrace=False)


@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """One image build at a time on this machine (several sessions may run the test)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def debian_mirror() -> str:
    """The Debian mirror apt is configured with on this host."""
    paths = ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*"))]
    for path in paths:
        with contextlib.suppress(OSError):
            # deb822 (`URIs: URL`) and one-line (`deb [options] URL suite ...`) entries.
            for line in Path(path).read_text().splitlines():
                words = line.split()
                if words[:1] == ["URIs:"]:
                    uris = words[1:]
                elif words[:1] == ["deb"]:
                    uris = [w for w in words[1:] if "://" in w][:1]
                else:
                    continue
                for uri in uris:
                    if uri.rstrip("/").endswith("/debian"):
                        return uri.rstrip("/")
    raise RuntimeError(
        "apt has no Debian mirror configured (/etc/apt/sources.list*): debootstrap needs one"
    )


def _sources(mirror: str) -> str:
    """The apt sources of debian:bookworm-slim, on `mirror`."""
    security = mirror.rsplit("/debian", 1)[0] + "/debian-security"
    keyring = "/usr/share/keyrings/debian-archive-keyring.gpg"
    return (
        f"Types: deb\nURIs: {mirror}\nSuites: {DEBIAN_RELEASE} {DEBIAN_RELEASE}-updates\n"
        f"Components: main\nSigned-By: {keyring}\n\n"
        f"Types: deb\nURIs: {security}\nSuites: {DEBIAN_RELEASE}-security\n"
        f"Components: main\nSigned-By: {keyring}\n"
    )


def ensure_rootfs(timings: Timings) -> Path:
    """A minbase Debian root file system, made once and cached."""
    rootfs = CACHE_DIR / "context" / "rootfs"
    complete = CACHE_DIR / "context" / "rootfs.complete"
    if (rootfs / "etc" / "debian_version").is_file() and complete.is_file():
        return rootfs
    complete.unlink(missing_ok=True)
    work = CACHE_DIR / "rootfs.tmp"
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(rootfs, ignore_errors=True)
    mirror = debian_mirror()
    with timings.phase("debootstrap"):
        run(
            ["debootstrap", "--variant=minbase", DEBIAN_RELEASE, str(work), mirror],
            what=f"debootstrap {DEBIAN_RELEASE} from {mirror}",
            log=ARTIFACTS / "debootstrap.log",
            timeout=1200,
        )
    # Slim it as the official image is: no package cache, no lists, no device
    # nodes (the run-time isolation provides /dev); apt sources as the image's.
    for deb in (work / "var" / "cache" / "apt" / "archives").glob("*.deb"):
        deb.unlink()
    for sub in ("var/lib/apt/lists", "dev"):
        shutil.rmtree(work / sub, ignore_errors=True)
        (work / sub).mkdir(parents=True)
    (work / "etc" / "apt" / "sources.list").unlink(missing_ok=True)
    (work / "etc" / "apt" / "sources.list.d" / "debian.sources").write_text(_sources(mirror))
    rootfs.parent.mkdir(parents=True, exist_ok=True)
    work.rename(rootfs)
    complete.write_text(f"debootstrap --variant=minbase {DEBIAN_RELEASE} {mirror}\n")
    return rootfs


def host_extra_certificates() -> list[str]:
    """Certificate authorities the host trusts beyond Debian's (Mozilla's) set."""
    if not HOST_BUNDLE.is_file():
        return []

    def norm(pem: str) -> str:
        return "".join(pem.split())

    known: set[str] = set()
    for path in glob.glob(MOZILLA_CERTS):
        known.update(norm(pem) for pem in _PEM.findall(Path(path).read_text()))
    return [pem for pem in _PEM.findall(HOST_BUNDLE.read_text()) if norm(pem) not in known]


def image_exists(name: str) -> bool:
    done = subprocess.run(
        [*BUILDAH, "inspect", "--type", "image", name], capture_output=True, text=True
    )
    return done.returncode == 0


def ensure_base_image(timings: Timings) -> str:
    """The local stand-in for debian:bookworm-slim, tagged by the host's extra CAs."""
    extra = host_extra_certificates()
    key = hashlib.sha256("".join(extra).encode()).hexdigest()[:12]
    name = f"{BASE_IMAGE}-{key}"
    if image_exists(name):
        return name
    ensure_rootfs(timings)
    context = CACHE_DIR / "context"
    certs = context / "host-ca"
    shutil.rmtree(certs, ignore_errors=True)
    certs.mkdir()
    for i, pem in enumerate(extra):
        (certs / f"host-extra-{i}.crt").write_text(pem + "\n")
    lines = ["FROM scratch", "COPY rootfs/ /"]
    if extra:
        # The base stage's `apt-get install ca-certificates` adds these to the
        # bundle; pip (its own certifi otherwise) and npm are pointed at it.
        lines += [
            "COPY host-ca/ /usr/local/share/ca-certificates/",
            f"ENV PIP_CERT={CA_BUNDLE} NODE_EXTRA_CA_CERTS={CA_BUNDLE} "
            f"REQUESTS_CA_BUNDLE={CA_BUNDLE} SSL_CERT_FILE={CA_BUNDLE}",
        ]
    lines.append('CMD ["bash"]')
    (context / "Containerfile").write_text("\n".join(lines) + "\n")
    with timings.phase("base image"):
        run(
            [*BUILDAH, "build", "--isolation", "chroot", "-t", name, str(context)],
            what="buildah build of the base image",
            log=ARTIFACTS / "base-image.log",
            timeout=900,
        )
    return name


def prune_images() -> None:
    """Drop untagged images left by earlier builds (each vfs layer is a full copy)."""
    for _ in range(10):
        done = subprocess.run(
            [*BUILDAH, "rmi", "--prune"], capture_output=True, text=True, timeout=600
        )
        if done.returncode != 0 or not done.stdout.strip():
            return


def build_app_image(base: str, timings: Timings) -> str:
    """The project's Dockerfile, built from the current checkout.

    The build stage is tagged too (APP_IMAGE-build): that keeps its layers (the
    package installs) as the cache of the next build, while prune_images() drops
    what earlier builds left untagged.
    """
    prune_images()
    common = [
        *BUILDAH,
        "build",
        "--isolation",
        "chroot",
        "--layers",
        "--build-arg",
        f"DEBIAN_IMAGE={base}",
    ]
    with timings.phase("build"):
        for target, tag, log in (
            (["--target", "build"], f"{APP_IMAGE}-build", "build-stage.log"),
            ([], APP_IMAGE, "build.log"),
        ):
            run(
                [*common, *target, "-t", tag, str(REPO_ROOT)],
                what="buildah build of the Dockerfile",
                log=ARTIFACTS / log,
                timeout=3600,
            )
    return APP_IMAGE


@dataclass
class Container:
    """A buildah working container; `start`/`call` run commands in it."""

    name: str
    mountpoint: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _args(self, command: list[str], env: dict[str, str], volumes: list[str]) -> list[str]:
        args = [*BUILDAH, "run", "--isolation", "chroot", "--network", "host"]
        for key, value in env.items():
            args += ["--env", f"{key}={value}"]
        for volume in volumes:
            args += ["--volume", volume]
        return [*args, self.name, "--", *command]

    def call(
        self,
        command: list[str],
        env: dict[str, str],
        *,
        what: str,
        volumes: list[str] = (),  # type: ignore[assignment]
        timeout: float = 600,
    ) -> str:
        return run(
            self._args(command, env, list(volumes)),
            what=what,
            log=ARTIFACTS / f"{self.name}-call.log",
            timeout=timeout,
        )

    def start(
        self,
        command: list[str],
        env: dict[str, str],
        log: Path,
        volumes: list[str] = (),  # type: ignore[assignment]
    ) -> subprocess.Popen[bytes]:
        with open(log, "wb") as out:
            process = subprocess.Popen(
                self._args(command, env, list(volumes)),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        """SIGTERM to each started command's process group, then SIGKILL; then any
        process still running inside this container's root file system."""
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        for pid in self._pids_inside():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def _pids_inside(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if os.readlink(entry / "root") == self.mountpoint:
                    found.append(int(entry.name))
        return found


@contextlib.contextmanager
def container(image: str, name: str) -> Iterator[Container]:
    """A working container from `image`, removed afterwards."""
    subprocess.run([*BUILDAH, "rm", name], capture_output=True)
    run([*BUILDAH, "from", "--name", name, image], what=f"buildah from {image}")
    mountpoint = run([*BUILDAH, "mount", name], what=f"buildah mount {name}").strip()
    box = Container(name=name, mountpoint=mountpoint)
    try:
        yield box
    finally:
        box.stop()
        subprocess.run([*BUILDAH, "rm", name], capture_output=True)
