"""Save docs/screenshot.png: the chat with a real answered question and its citation followed.

    python -m tests.e2e.screenshot                      # starts app.py on a free port
    python -m tests.e2e.screenshot --url http://127.0.0.1:7860
"""

from __future__ import annotations

import argparse
import tempfile
from contextlib import nullcontext
from pathlib import Path

from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app

QUESTIONS = ("Who led the review on oxytocin and bone?", "Which university is she at?",
             "Is osteoporosis only a female condition?")


def capture(url: str, out: Path, questions: tuple[str, ...] = QUESTIONS) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url + "/")
        box = page.get_by_label("Your question")
        for n, question in enumerate(questions, start=1):
            box.fill(question)
            box.press("Enter")
            page.locator("#qa-chat [data-testid='bot']").nth(n - 1).wait_for(timeout=30_000)
        page.locator("#qa-chat [data-testid='bot']").last.locator("a.qa-cite").first.click()
        page.wait_for_timeout(800)  # the smooth scroll to the quote
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running app (default: start app.py)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        server = (nullcontext(args.url.rstrip("/")) if args.url
                  else running_app(Path(work) / "index", Path(work) / "app.log"))
        with server as url:
            capture(url, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
