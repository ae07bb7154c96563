"""oyster-play in a real browser: start the server on a free loopback port, load its page in
headless Chromium (Debian's `chromium` through `chromedriver`, driven by selenium), hold W
and check that frames arrive, the view changes and the HUD's position advances; then press
Save and check the session script comes back. Prints one JSON line with what the page
measured (frames per second and key-to-frame latency, from the page's own clock).

    python3 scripts/clients/play_page.py OYSTER_PLAY [--prompt P] [--seed S] [--size WxH]
        [--hold SECONDS] [--screenshot PNG]

Exit 0 when every check passes, 1 when one fails, 77 when selenium, chromium or
chromedriver is not installed.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from video_plays import open_browser  # noqa: E402  (one way to start Chromium)

STATE = "const s = window.oyster; return s ? {frames: s.frames, frame: s.frame, pos: s.pos, fps: s.fps, " \
        "latencies: s.latencies, connected: s.connected, closed: s.closed, hud: document.getElementById('hud').textContent, " \
        "script: s.script, pixels: (() => { const c = document.getElementById('view'); " \
        "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let h = 0; " \
        "for (let i = 0; i < d.length; i += 97) h = (h * 31 + d[i]) >>> 0; return h; })()} : null;"


def wait_for(driver, predicate, timeout, step=0.2):
    end = time.time() + timeout
    state = None
    while time.time() < end:
        state = driver.execute_script(STATE)
        if state and predicate(state):
            return state, True
        time.sleep(step)
    return state, False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("play")
    ap.add_argument("--prompt", default="a snowy village")
    ap.add_argument("--seed", default="7")
    ap.add_argument("--size", default="320x180")
    ap.add_argument("--hold", type=float, default=4.0, help="seconds to hold W")
    ap.add_argument("--taps", type=int, default=0, help="then tap W and D this many times each (more latency samples)")
    ap.add_argument("--screenshot")
    ap.add_argument("--save-script", help="write the saved session script here")
    args = ap.parse_args()

    driver, why = open_browser()
    if driver is None:
        print(json.dumps({"skipped": why}))
        sys.exit(77)
    server = subprocess.Popen([args.play, args.prompt, "--seed", args.seed, "--port", "0", "--size", args.size],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    problems = []
    result = {}
    url = None
    try:
        for line in server.stderr:
            m = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
            if m:
                url = m.group(1)
                break
        if not url:
            print(json.dumps({"failed": "oyster-play printed no URL", "exit": server.wait(timeout=10)}))
            sys.exit(1)
        # Keep reading the server's stderr so it never blocks on a full pipe; its lines are
        # repeated on ours at the end (the session's own figures among them).
        server_lines = []
        reader = threading.Thread(target=lambda: server_lines.extend(server.stderr), daemon=True)
        reader.start()
        driver.set_script_timeout(30)
        driver.set_window_size(1000, 760)
        driver.get(url)
        first, ok = wait_for(driver, lambda s: s["frames"] >= 3, 300)
        if not ok:
            problems.append(f"fewer than 3 frames within 300 s: {first}")
        else:
            from selenium.webdriver.common.action_chains import ActionChains
            body = driver.find_element("tag name", "body")
            ActionChains(driver).key_down("w", body).perform()
            time.sleep(args.hold)
            ActionChains(driver).key_up("w", body).perform()
            moved, ok = wait_for(driver, lambda s: len(s["latencies"]) >= 2 and s["frames"] >= first["frames"] + 3, 60)
            for _ in range(args.taps):
                for key in ("w", "d"):
                    ActionChains(driver).key_down(key, body).perform()
                    time.sleep(0.6)
                    ActionChains(driver).key_up(key, body).perform()
                    time.sleep(0.6)
            if args.taps:
                moved, _ = wait_for(driver, lambda s: len(s["latencies"]) >= 2 + 4 * args.taps, 30)
            dist = sum((a - b) ** 2 for a, b in zip(moved["pos"], first["pos"])) ** 0.5
            if not ok:
                problems.append("no frame reflected the key within 60 s")
            if dist < 1:
                problems.append(f"holding W for {args.hold} s moved the player {dist:.2f} m")
            if moved["pixels"] == first["pixels"]:
                problems.append("the view did not change")
            if "position" not in moved["hud"]:
                problems.append("the HUD shows no position")
            if args.screenshot:
                driver.save_screenshot(args.screenshot)
            driver.execute_script("document.getElementById('save').click()")
            saved, ok = wait_for(driver, lambda s: s["script"] is not None, 30)
            if not ok or '"move"' not in (saved["script"] or ""):
                problems.append(f"Save brought back no script with the walk: {(saved or {}).get('script')!r:.200}, "
                                f"connected {saved and saved['connected']}, closed {saved and saved['closed']}")
            if args.save_script and saved and saved["script"]:
                with open(args.save_script, "w") as f:
                    f.write(saved["script"])
            lat = sorted(moved["latencies"])
            result = {"frames": moved["frames"], "fps": round(moved["fps"], 2), "moved_m": round(dist, 2),
                      "latency_ms": {"samples": len(lat), "median": round(lat[len(lat) // 2]) if lat else None,
                                     "p95": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))]) if lat else None},
                      "hud": moved["hud"], "chromium": driver.capabilities.get("browserVersion", "?")}
    finally:
        driver.quit()
        time.sleep(3)  # the closed page's session ends and reports before the server stops
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if url:
            reader.join(timeout=5)
            for line in server_lines:
                print("  " + line.rstrip(), file=sys.stderr)
    result["status"] = "fails" if problems else "plays"
    if problems:
        result["detail"] = "; ".join(problems)
    print(json.dumps(result))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
