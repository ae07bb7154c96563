"""Videos in a real browser: play each file in a <video> element of headless Chromium (Debian's
`chromium` through `chromedriver`, driven by selenium) and report whether it plays.

    python3 scripts/clients/video_plays.py [--size WxH] [--frames N] [--timeout S] VIDEO...

For each video a local page (file://, beside the video) holds a muted <video>; the check
waits until it has ended or the timeout passes. A video plays when the element reaches
readyState >= 2 (HAVE_CURRENT_DATA), its currentTime advances (or `ended` fires), no error
is raised, Chromium decoded frames (getVideoPlaybackQuality; exactly --frames when given: a
truncated file can still "end"), and videoWidth x videoHeight is --size when given. One JSON
line per video:

    {"video": ..., "status": "plays" | "unsupported" | "fails", "canPlayType": ..., ...}

"unsupported" is an MP4 (H.264) in a Chromium built without H.264 (canPlayType says "" and
the element fails with MEDIA_ERR_SRC_NOT_SUPPORTED): a visible skip, not a pass. Exit 0 when
every video plays or is unsupported that way, 1 when one fails, 77 when selenium, chromium
or chromedriver is not installed.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# The codec strings of what Oyster writes: H.264 High profile, VP9 profile 0.
MIME = {
    ".mp4": 'video/mp4; codecs="avc1.640028"',
    ".m4v": 'video/mp4; codecs="avc1.640028"',
    ".webm": 'video/webm; codecs="vp9"',
    ".mkv": 'video/x-matroska; codecs="avc1.640028"',
}

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>oyster video check</title></head>
<body><video id="v" muted playsinline preload="auto" src="{src}"></video></body></html>
"""

# Runs in the page: plays the video and calls back with what the element saw.
PLAY = """
const [mime, timeoutMs, done] = arguments;
const v = document.getElementById('v');
const seen = {maxReadyState: v.readyState, advanced: false, ended: false, error: null, playError: null};
let finished = false;
function report(reason) {
  if (finished) return;
  finished = true;
  const q = v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality() : null;
  done(Object.assign(seen, {
    reason: reason,
    canPlayType: v.canPlayType(mime),
    readyState: v.readyState,
    videoWidth: v.videoWidth,
    videoHeight: v.videoHeight,
    duration: isFinite(v.duration) ? v.duration : null,
    currentTime: v.currentTime,
    decodedFrames: q ? q.totalVideoFrames : null,
    droppedFrames: q ? q.droppedVideoFrames : null,
  }));
}
function note() { seen.maxReadyState = Math.max(seen.maxReadyState, v.readyState); }
['loadeddata', 'canplay', 'canplaythrough', 'playing', 'progress'].forEach(e => v.addEventListener(e, note));
v.addEventListener('timeupdate', () => { note(); if (v.currentTime > 0) seen.advanced = true; });
v.addEventListener('ended', () => { note(); seen.ended = true; report('ended'); });
v.addEventListener('error', () => {
  seen.error = v.error ? {code: v.error.code, message: v.error.message} : {code: 0, message: 'unknown'};
  report('error');
});
if (v.error) { seen.error = {code: v.error.code, message: v.error.message}; report('error'); }
v.play().catch(e => { seen.playError = String(e); });
setTimeout(() => report('timeout'), timeoutMs);
"""


def open_browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None, "selenium not installed (pip install selenium)"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return None, f"{path} not found (apt-get install {package})"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--allow-file-access-from-files",
                "--mute-audio", "--no-first-run"):
        options.add_argument(arg)
    # The driver is given by path, so selenium never looks one up on the network.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    return driver, None


def check(driver, video, size, frames, timeout, workdir):
    ext = os.path.splitext(video)[1].lower()
    mime = MIME.get(ext, "video/" + ext.lstrip("."))
    # The page sits beside a copy of the video so the file:// URL is same-origin and plain.
    name = "clip" + ext
    shutil.copyfile(video, os.path.join(workdir, name))
    page = os.path.join(workdir, "page-" + name + ".html")
    with open(page, "w") as f:
        f.write(PAGE.format(src=name))
    driver.get("file://" + page)
    driver.set_script_timeout(timeout + 10)
    r = driver.execute_async_script(PLAY, mime, int(timeout * 1000))
    r["video"] = video
    problems = []
    if r["error"]:
        problems.append(f"media error {r['error']['code']}: {r['error']['message']}")
    if r["maxReadyState"] < 2:
        problems.append(f"readyState reached only {r['maxReadyState']}")
    if not (r["advanced"] or r["ended"]):
        problems.append("currentTime never advanced")
    if not r["decodedFrames"]:
        problems.append("no frame was decoded")
    elif frames is not None and r["decodedFrames"] != frames:
        problems.append(f"{r['decodedFrames']} frames decoded, expected {frames}")
    if size and (r["videoWidth"], r["videoHeight"]) != size:
        problems.append(f"videoWidth x videoHeight {r['videoWidth']}x{r['videoHeight']}, expected {size[0]}x{size[1]}")
    if not problems:
        r["status"] = "plays"
    elif ext in (".mp4", ".m4v") and r["canPlayType"] == "" and r["error"] and r["error"]["code"] == 4:
        r["status"] = "unsupported"
        r["detail"] = "H.264 not supported by this chromium build"
    else:
        r["status"] = "fails"
        r["detail"] = "; ".join(problems)
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("videos", nargs="+")
    ap.add_argument("--size", help="expected WxH of every video")
    ap.add_argument("--frames", type=int, help="expected frame count of every video")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each video to end")
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x")) if args.size else None

    driver, why = open_browser()
    if driver is None:
        print(json.dumps({"skipped": why}))
        sys.exit(77)
    failed = False
    try:
        version = driver.capabilities.get("browserVersion", "?")
        with tempfile.TemporaryDirectory(prefix="oyster-video-") as workdir:
            for video in args.videos:
                r = check(driver, video, size, args.frames, args.timeout, workdir)
                r["chromium"] = version
                print(json.dumps(r), flush=True)
                name = os.path.basename(video)
                if r["status"] == "plays":
                    line = f"{name}: plays ({r['decodedFrames']} frames, {r['videoWidth']}x{r['videoHeight']}, {r['duration']} s)"
                elif r["status"] == "unsupported":
                    line = f"{name}: skipped: {r['detail']} ({version})"
                else:
                    line = f"{name}: FAILS: {r['detail']}"
                print("  " + line, file=sys.stderr, flush=True)
                failed |= r["status"] == "fails"
    finally:
        driver.quit()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
