"""The report rendered in headless Chromium: the chart is drawn.

Run by `make test-browser` (marker `browser`), which needs Debian's
chromium package; `.ci/run` installs it.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from pipeline.report import KIND_COLOURS

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    "--window-size=1200,1400",
]


def _screenshot(page: Path, png: Path, profile: Path) -> None:
    chromium = shutil.which("chromium")
    assert chromium, "chromium is missing: apt-get install chromium"
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
         f"--screenshot={png}", page.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore


def test_chart_is_drawn(real_out: Path, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    _screenshot(real_out / "report.html", png, tmp_path / "profile")
    pixels = Image.open(png).convert("RGB").get_flattened_data()
    drawn = {colour: 0 for colour in KIND_COLOURS.values()}
    wanted = {_rgb(c): c for c in drawn}
    for pixel in pixels:
        if pixel in wanted:
            drawn[wanted[pixel]] += 1
    assert sum(drawn.values()) > 2000, drawn  # bars, not only the legend
