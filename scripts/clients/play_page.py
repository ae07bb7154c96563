"""oyster-play in a real browser: start the server on a free loopback port, load its page in
headless Chromium (Debian's `chromium` through `chromedriver`, driven by selenium), hold W
and check that frames arrive, the view changes and the HUD's position advances; then press
Save and check the session script comes back. Then Direct: type `make it night` in the
command line and check the canvas's mean luminance drops (measuring how soon; with
--night-within S, failing when later than S seconds: `make bench` asks 1) and the reply says
what was understood; `add a tower here`; then Export: press it, wait for the zip, fetch it,
test it with Python's zipfile, validate its GLB with oyster-validate (beside OYSTER_PLAY) and
find the tower in it. Prints one JSON line with what the page measured (frames per second
and key-to-frame latency, from the page's own clock; the night's delay; the export's time
and size).

    python3 scripts/clients/play_page.py OYSTER_PLAY [--prompt P] [--seed S] [--size WxH]
        [--hold SECONDS] [--screenshot PNG] [--no-direct] [--no-export] [--night-within SECONDS]

Exit 0 when every check passes, 1 when one fails, 77 when selenium, chromium or
chromedriver is not installed.
"""
import argparse
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from video_plays import open_browser  # noqa: E402  (one way to start Chromium)

STATE = "const s = window.oyster; return s ? {frames: s.frames, frame: s.frame, pos: s.pos, fps: s.fps, " \
        "latencies: s.latencies, connected: s.connected, closed: s.closed, hud: document.getElementById('hud').textContent, " \
        "script: s.script, hour: s.hour, replies: s.replies, msg: document.getElementById('msg').textContent, " \
        "exports: s.exports, exportUrl: s.exportUrl, " \
        "luma: (() => { const c = document.getElementById('view'); " \
        "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let y = 0; " \
        "for (let i = 0; i < d.length; i += 4) y += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]; " \
        "return y / (d.length / 4); })(), pixels: (() => { const c = document.getElementById('view'); " \
        "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let h = 0; " \
        "for (let i = 0; i < d.length; i += 97) h = (h * 31 + d[i]) >>> 0; return h; })()} : null;"


THUMB = "const c = document.getElementById('view'); const t = document.createElement('canvas'); t.width = 32; t.height = 18; " \
        "const g = t.getContext('2d'); g.drawImage(c, 0, 0, 32, 18); const d = g.getImageData(0, 0, 32, 18).data; const out = []; " \
        "for (let i = 0; i < d.length; i += 4) out.push(0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]); return out;"


def view_change(driver, seconds):
    """Mean absolute difference (grey levels) between the canvas now and `seconds` later, at 32x18."""
    a = driver.execute_script(THUMB)
    time.sleep(seconds)
    b = driver.execute_script(THUMB)
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def wait_for(driver, predicate, timeout, step=0.2):
    end = time.time() + timeout
    state = None
    while time.time() < end:
        state = driver.execute_script(STATE)
        if state and predicate(state):
            return state, True
        time.sleep(step)
    return state, False


def command(driver, text):
    """Types a command in the page's command line and presses Enter, as a player does."""
    from selenium.webdriver.common.keys import Keys
    box = driver.find_element("id", "cmd")
    box.click()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    return time.time()


def check_direct(driver, problems, within=None):
    """`make it night` darkens the canvas and is answered (how soon is measured and, with
    `within` seconds, checked: a speed goal, checked by `make bench`, not on a loaded CI
    machine); `add a tower here` is answered as a spawn; `camera: orbit the tower` turns the
    view round it while the player stands."""
    before = driver.execute_script(STATE)
    replies = len(before["replies"])
    sent = command(driver, "make it night")
    dark, ok = wait_for(driver, lambda s: s["luma"] < before["luma"] * 0.7, 10, step=0.05)
    darkened = time.time() - sent
    out = {"luma_before": round(before["luma"], 1), "luma_after": round(dark["luma"], 1), "darkened_s": round(darkened, 2),
           "hour": dark["hour"]}
    if not ok:
        problems.append(f"'make it night' did not darken the canvas: mean luma {before['luma']:.1f} → {dark['luma']:.1f}")
    elif within is not None and darkened > within:
        problems.append(f"'make it night' darkened the canvas only after {darkened:.2f} s (more than {within} s)")
    answered, ok = wait_for(driver, lambda s: len(s["replies"]) > replies, 10)
    reply = answered["replies"][-1] if ok else None
    out["reply"] = reply
    if not reply or "understood: night (set-time 22:30" not in reply or reply not in answered["msg"]:
        problems.append(f"the page showed no reply saying night was understood: {reply!r}")
    command(driver, "add a tower here")
    towered, ok = wait_for(driver, lambda s: len(s["replies"]) > replies + 1, 10)
    out["tower_reply"] = towered["replies"][-1] if ok else None
    if not ok or "spawn a tower here" not in towered["replies"][-1]:
        problems.append(f"'add a tower here' was not answered as a spawn: {out['tower_reply']!r}")
    # An orbit round the tower: standing still, the view changes far more than the world's own
    # motion (water, weather) changes it; the player does not move.
    time.sleep(1)  # the tower is drawn
    still = view_change(driver, 1.5)
    standing, luma = driver.execute_script(STATE)["pos"], driver.execute_script(STATE)["luma"]
    command(driver, "camera: orbit the tower")
    orbited, ok = wait_for(driver, lambda s: len(s["replies"]) > replies + 2, 10)
    out["orbit_reply"] = orbited["replies"][-1] if ok else None
    if not ok or "orbit the tower" not in orbited["replies"][-1]:
        problems.append(f"'camera: orbit the tower' was not answered as an orbit: {out['orbit_reply']!r}")
    time.sleep(0.5)
    turning = view_change(driver, 1.5)
    after = driver.execute_script(STATE)["pos"]
    out["view_change_still"], out["view_change_orbiting"] = round(still, 2), round(turning, 2)
    # At night the view is dark (mean luma about 13 of 255): changes are measured against it too.
    if turning < max(2 * still, 0.15 * luma):
        problems.append(f"the orbit did not turn the view: {turning:.2f} grey levels of change against {still:.2f} standing still "
                        f"(mean luma {luma:.1f})")
    if max(abs(a - b) for a, b in zip(standing, after)) > 0.01:
        problems.append(f"the player moved during the orbit: {standing} → {after}")
    return out


def check_export(driver, url, play, problems, save_zip=None):
    """Export: the page is told the zip is ready, it downloads, reads back with zipfile, its GLB
    validates with 0 errors and holds the spawned tower."""
    started = time.time()
    driver.execute_script("document.getElementById('export').click()")
    ready, ok = wait_for(driver, lambda s: s["exportUrl"] is not None or any(e["state"] == "failed" for e in s["exports"]), 600, step=0.5)
    seconds = time.time() - started
    out = {"seconds": round(seconds, 1), "stages": [e["text"] for e in (ready or {}).get("exports", [])]}
    if not ok or not ready["exportUrl"]:
        problems.append(f"Export gave no zip: {out['stages']}")
        return out
    with urllib.request.urlopen(url.rstrip("/") + ready["exportUrl"], timeout=60) as r:
        data = r.read()
        disposition = r.headers.get("Content-Disposition", "")
    out["zip_bytes"] = len(data)
    if save_zip:
        with open(save_zip, "wb") as f:
            f.write(data)
    if "world-export.zip" not in disposition:
        problems.append(f"the download is not offered as world-export.zip: {disposition!r}")
    z = zipfile.ZipFile(io.BytesIO(data))
    bad = z.testzip()
    if bad:
        problems.append(f"the zip's CRC fails for {bad}")
    names = z.namelist()
    out["files"] = len(names)
    if "world/world.glb" not in names or "world/manifest.json" not in names:
        problems.append(f"the zip has no world/world.glb and manifest: {names[:10]}")
        return out
    glb = z.read("world/world.glb")
    if b"Tower_Spawned" not in glb:
        problems.append("the exported GLB has no spawned tower")
    validate = os.path.join(os.path.dirname(play), "oyster-validate")
    if os.path.exists(validate):
        with tempfile.TemporaryDirectory() as d:
            z.extractall(d)
            v = subprocess.run([validate, os.path.join(d, "world", "world.glb")], capture_output=True, text=True, timeout=300)
            out["validate"] = (v.stdout.strip().splitlines() or [""])[-1][:200]
            if v.returncode != 0:
                problems.append(f"oyster-validate found errors in the exported GLB: {v.stdout[-300:]} {v.stderr[-300:]}")
    else:
        out["validate"] = "skipped: no oyster-validate beside oyster-play"
    out["sha256"] = hashlib.sha256(data).hexdigest()[:16]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("play")
    ap.add_argument("--prompt", default="a snowy village")
    ap.add_argument("--seed", default="7")
    ap.add_argument("--size", default="320x180")
    ap.add_argument("--hold", type=float, default=4.0, help="seconds to hold W")
    ap.add_argument("--taps", type=int, default=0, help="then tap W and D this many times each (more latency samples)")
    ap.add_argument("--screenshot")
    ap.add_argument("--night-within", type=float, help="fail when 'make it night' takes longer than this many seconds to darken the view")
    ap.add_argument("--save-script", help="write the saved session script here")
    ap.add_argument("--no-direct", action="store_true", help="skip the Direct command checks")
    ap.add_argument("--no-export", action="store_true", help="skip the Export checks")
    ap.add_argument("--direct-screenshot", help="save a screenshot after the Direct commands here")
    ap.add_argument("--save-zip", help="write the exported zip here")
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
            if not args.no_direct:
                result["direct"] = check_direct(driver, problems, args.night_within)
                if args.direct_screenshot:
                    time.sleep(1)
                    driver.save_screenshot(args.direct_screenshot)
            if not args.no_export:
                result["export"] = check_export(driver, url, args.play, problems, args.save_zip)
            lat = sorted(moved["latencies"])
            result |= {"frames": moved["frames"], "fps": round(moved["fps"], 2), "moved_m": round(dist, 2),
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
