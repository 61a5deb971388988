"""axe-core in the e2e tests: the npm package (installed by scripts/install_bun.sh
into tools/node_modules) is injected into the page and run as it is now.

    expect_accessible(page, "the board")   # no serious or critical violation
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.e2e.servers import REPO_ROOT

AXE_JS = REPO_ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# The violations, as plain data: id, impact, help and each node's selector and summary.
_AXE_RUN = """async (exclude) => {
  const context = exclude.length ? {exclude: exclude.map(s => [s])} : document;
  const result = await axe.run(context, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')),
  }));
}"""
# Until every finite animation has ended: an element caught mid-fade (a dialog opening
# on a busy machine) is at part opacity and fails colour contrast whatever its colours.
_SETTLED = """() => document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity
)"""
# A toast caught while fading in or out is at part opacity and fails colour contrast
# whatever its colours: tests that act just before checking leave the toaster out.
TOASTER = "[data-sonner-toaster]"


def serious_violations(page: Page, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now, outside
    the elements matching the `exclude` selectors."""
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is missing ({AXE_JS}): run scripts/install_bun.sh")
    page.wait_for_function(_SETTLED, timeout=10_000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=AXE_JS)
    found: list[dict[str, Any]] = page.evaluate(_AXE_RUN, list(exclude))
    return [v for v in found if v["impact"] in BLOCKING]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)


def expect_accessible(page: Page, where: str = "the page", exclude: tuple[str, ...] = ()) -> None:
    violations = serious_violations(page, exclude)
    assert not violations, f"axe on {where}:\n{describe(violations)}"
