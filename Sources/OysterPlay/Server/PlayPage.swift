/// The page `oyster-play` serves: one self-contained HTML file (no CDN, no build step). It
/// draws the session's JPEG frames on a canvas, sends the controls (WASD or arrows, mouse-look
/// under pointer lock, Shift, Space, F, the wheel) as small JSON messages, and shows a HUD:
/// frames per second, key-to-frame latency (from a key's time to the first frame whose header
/// says it reflects that key's message), position, heading and time of day. The command line
/// sends Direct commands and shows the reply; Save downloads the session's action script;
/// Export asks for an engine package of the region visited (for the target chosen) and
/// downloads `world-export.zip` when it is ready. `window.oyster` exposes the figures for
/// automated checks.
enum PlayPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Oyster — play</title>
<style>
  html, body { margin: 0; background: #111; color: #ddd; font: 13px/1.4 system-ui, sans-serif; overflow-x: hidden; }
  /* 16:9, as wide as fits with the command bar below it. */
  #wrap { position: relative; width: min(100%, calc((100vh - 120px) * 16 / 9)); margin: 0 auto; }
  canvas { display: block; width: 100%; image-rendering: auto; background: #000; cursor: crosshair; }
  #hud { position: absolute; left: 8px; top: 8px; padding: 6px 8px; background: rgba(0,0,0,.55);
         border-radius: 4px; font: 12px/1.35 ui-monospace, monospace; white-space: pre; pointer-events: none; }
  #bar { display: flex; gap: 8px; padding: 8px; align-items: center; }
  #cmd { flex: 1; background: #222; color: #eee; border: 1px solid #444; padding: 5px; }
  button { background: #2a4; color: #fff; border: 0; padding: 6px 12px; border-radius: 3px; cursor: pointer; }
  #msg { padding: 0 8px 8px; color: #fc6; min-height: 1.4em; white-space: pre-wrap; }
  #help { padding: 0 8px 8px; color: #888; }
</style>
</head>
<body>
<div id="wrap"><canvas id="view" width="640" height="360"></canvas><div id="hud">connecting…</div></div>
<div id="bar">
  <input id="cmd" placeholder="Direct: make it night · sunset over 20 seconds · start snowing · add a tower here · build a village ahead · the villagers gather at the well · camera: orbit the tower · slow motion" maxlength="500">
  <button id="save">Save session</button>
  <select id="target" title="Export target">
    <option value="generic" selected>glTF/GLB (generic)</option>
    <option value="blender">Blender</option><option value="godot">Godot</option><option value="unity">Unity</option>
    <option value="unreal">Unreal</option><option value="web">Web (three.js)</option>
  </select>
  <button id="export">Export</button>
</div>
<div id="msg"></div>
<div id="help">Click the view to look with the mouse (Esc frees it). W A S D or arrows walk, Shift runs, Space jumps, F flies, the wheel changes speed. Type a command and press Enter to change the world.</div>
<script>
"use strict";
const canvas = document.getElementById("view"), ctx = canvas.getContext("2d");
const hud = document.getElementById("hud"), msg = document.getElementById("msg");
const state = { frames: 0, fps: 0, frame: -1, lastInput: 0, time: 0, pos: [0, 0, 0], heading: 0, hour: NaN,
                flying: false, latencies: [], latency: NaN, connected: false, closed: null, replies: [], script: null,
                exports: [], exportUrl: null };
window.oyster = state;
const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws" + location.search);
ws.binaryType = "arraybuffer";
let seq = 0;
const sentAt = new Map();      // seq -> performance.now() when a key changed
const keys = new Set();
let lookX = 0, lookY = 0, jump = false, fly = false, speed = 0;
let frameTimes = [];

function send(obj) { if (ws.readyState === 1) ws.send(JSON.stringify(obj)); }
function axis(plus, minus) { return (plus.some(k => keys.has(k)) ? 1 : 0) - (minus.some(k => keys.has(k)) ? 1 : 0); }
function sendInput(keyChange) {
  seq += 1;
  if (keyChange) sentAt.set(seq, performance.now());
  send({ type: "input", seq, forward: axis(["KeyW", "ArrowUp"], ["KeyS", "ArrowDown"]),
         right: axis(["KeyD"], ["KeyA"]), run: keys.has("ShiftLeft") || keys.has("ShiftRight"),
         look: [Math.round(lookX * 100) / 100, Math.round(lookY * 100) / 100], jump, fly, speed });
  lookX = 0; lookY = 0; jump = false; fly = false;
}

let opened = false;
ws.onopen = () => { opened = true; state.connected = true; };
ws.onclose = async (e) => { state.connected = false; state.closed = { code: e.code, reason: e.reason };
  msg.textContent = "Disconnected" + (e.reason ? ": " + e.reason : " (code " + e.code + ")");
  // A socket refused before it opened carries no reason: the server says why at /slots.
  if (!opened) {
    try { const r = await (await fetch("/slots" + location.search)).json();
          if (r.reason) { state.closed.reason = r.reason; msg.textContent = "Not playing: " + r.reason; } } catch (_) {}
  } };
ws.onmessage = async (e) => {
  if (typeof e.data === "string") {
    const m = JSON.parse(e.data);
    if (m.type === "hello") { canvas.width = m.width; canvas.height = m.height; msg.textContent = "World: " + m.world; }
    else if (m.type === "reply") { state.replies.push(m.text); msg.textContent = m.text; }
    else if (m.type === "error") { msg.textContent = "Server: " + m.message; }
    else if (m.type === "export") {
      state.exports.push(m);
      const button = document.getElementById("export");
      if (m.state === "ready") {
        state.exportUrl = m.url;
        button.disabled = false;
        const a = document.createElement("a");
        a.href = m.url + location.search; a.download = "world-export.zip"; a.click();  // the token, if the server asks one
        msg.textContent = "Export ready (world-export.zip): " + m.text;
      } else if (m.state === "failed") {
        button.disabled = false;
        msg.textContent = "Export: " + m.text;
      } else {
        msg.textContent = "Export: " + m.text + "…";
      }
    }
    else if (m.type === "script") {
      state.script = m.json;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([m.json], { type: "application/json" }));
      a.download = "session.json"; a.click();
      msg.textContent = "Saved session.json. Replay it with:\n" + m.replay;
    }
    return;
  }
  const arrived = performance.now();
  const v = new DataView(e.data);
  if (e.data.byteLength < 40 || v.getUint32(0, false) !== 0x4F594631) return;   // "OYF1"
  const f = { frame: v.getUint32(4, true), lastInput: v.getUint32(8, true), time: v.getFloat32(12, true),
              pos: [v.getFloat32(16, true), v.getFloat32(20, true), v.getFloat32(24, true)],
              heading: v.getFloat32(28, true), hour: v.getFloat32(32, true), flying: (v.getUint32(36, true) & 1) === 1,
              wading: (v.getUint32(36, true) & 2) === 2, swimming: (v.getUint32(36, true) & 4) === 4,
              orbiting: (v.getUint32(36, true) & 8) === 8 };
  // Key-to-frame latency: each key message's time to the first frame reflecting it.
  for (const [s, t] of sentAt) {
    if (s <= f.lastInput) { state.latencies.push(arrived - t); sentAt.delete(s); }
  }
  if (state.latencies.length > 200) state.latencies.splice(0, state.latencies.length - 200);
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(e.data, 40)], { type: "image/jpeg" }));
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  frameTimes.push(arrived);
  while (frameTimes.length && arrived - frameTimes[0] > 2000) frameTimes.shift();
  Object.assign(state, f);
  state.frames += 1;
  state.fps = frameTimes.length > 1 ? (frameTimes.length - 1) * 1000 / (arrived - frameTimes[0]) : 0;
  drawHud();
};

function percentile(list, p) {
  if (!list.length) return NaN;
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
function drawHud() {
  const med = percentile(state.latencies, 0.5), p95 = percentile(state.latencies, 0.95);
  state.latency = med;
  const h = state.hour, hh = isNaN(h) ? "--:--" : String(Math.floor(h)).padStart(2, "0") + ":" + String(Math.floor((h % 1) * 60)).padStart(2, "0");
  hud.textContent =
    "fps      " + state.fps.toFixed(1) + "\n" +
    "latency  " + (isNaN(med) ? "-" : med.toFixed(0) + " ms (p95 " + p95.toFixed(0) + ")") + "\n" +
    "position " + state.pos.map(x => x.toFixed(1)).join(", ") + "\n" +
    "heading  " + (((state.heading % 360) + 360) % 360).toFixed(0) + "°" + (state.flying ? "  flying" : state.swimming ? "  swimming" : state.wading ? "  wading" : "") + (state.orbiting ? "  orbiting" : "") + "\n" +
    "time     " + hh + "   frame " + state.frame + "  speed " + speed;
}

const gameKeys = new Set(["KeyW", "KeyA", "KeyS", "KeyD", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight",
                          "ShiftLeft", "ShiftRight", "Space", "KeyF"]);
document.addEventListener("keydown", (e) => {
  if (document.activeElement === document.getElementById("cmd") || !gameKeys.has(e.code)) return;
  e.preventDefault();
  if (e.repeat) return;
  keys.add(e.code);
  if (e.code === "Space") jump = true;
  if (e.code === "KeyF") fly = true;
  sendInput(true);
});
document.addEventListener("keyup", (e) => {
  if (!keys.has(e.code)) return;
  keys.delete(e.code);
  sendInput(true);
});
window.addEventListener("blur", () => { if (keys.size) { keys.clear(); sendInput(true); } });
canvas.addEventListener("click", () => canvas.requestPointerLock && canvas.requestPointerLock());
document.addEventListener("mousemove", (e) => {
  if (document.pointerLockElement === canvas) { lookX += e.movementX; lookY += e.movementY; }
});
canvas.addEventListener("wheel", (e) => {
  e.preventDefault();
  speed = Math.max(-4, Math.min(6, speed + (e.deltaY < 0 ? 1 : -1)));
  sendInput(false);
}, { passive: false });
// Mouse-look and the arrow keys' turning go out at most once per animation frame.
let lastTick = performance.now();
function tick(now) {
  const dt = Math.min(0.1, (now - lastTick) / 1000); lastTick = now;
  const turn = (keys.has("ArrowRight") ? 1 : 0) - (keys.has("ArrowLeft") ? 1 : 0);
  if (turn) lookX += turn * 600 * dt;   // 90°/s at the server's 0.15°/pixel
  if (lookX || lookY) sendInput(false);
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);
document.getElementById("save").addEventListener("click", () => send({ type: "save" }));
document.getElementById("export").addEventListener("click", (e) => {
  e.target.disabled = true;
  send({ type: "export", target: document.getElementById("target").value });
});
document.getElementById("cmd").addEventListener("keydown", (e) => {
  if (e.key !== "Enter" || !e.target.value.trim()) return;
  seq += 1;
  send({ type: "command", seq, text: e.target.value.trim() });
  e.target.value = "";
});
</script>
</body>
</html>
"""#
}
