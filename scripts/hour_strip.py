"""The hours side by side: Oyster's frames in the top row, Blender's below, one column an hour.

    python3 scripts/hour_strip.py OUT.png WORK_DIR HOUR...

Reads WORK_DIR/HOUR.glb (for the light it was generated with), WORK_DIR/HOUR-oyster.png and
WORK_DIR/HOUR-eevee.png; writes OUT.png with each frame shrunk to 400x225 and labelled, and
prints per hour: the hour, the sun's (or moon's) elevation, colour and illuminance, the sky
overhead and at the horizon, and each frame's mean sRGB colour.
"""
import json
import math
import struct
import sys

from PIL import Image, ImageStat

from preview_label import label

out, work, hours = sys.argv[1], sys.argv[2], sys.argv[3:]
W, H = 400, 225


def document(path):
    with open(path, "rb") as f:
        data = f.read()
    length = struct.unpack_from("<I", data, 12)[0]
    return json.loads(data[20:20 + length])


def quat_rotate(q, v):
    x, y, z, w = q
    # v' = v + 2w (q×v) + 2 q×(q×v)
    cx, cy, cz = y * v[2] - z * v[1], z * v[0] - x * v[2], x * v[1] - y * v[0]
    ccx, ccy, ccz = y * cz - z * cy, z * cx - x * cz, x * cy - y * cx
    return (v[0] + 2 * (w * cx + ccx), v[1] + 2 * (w * cy + ccy), v[2] + 2 * (w * cz + ccz))


def light_of(doc):
    """The first directional light: name, elevation (degrees), colour, lux."""
    lights = doc.get("extensions", {}).get("KHR_lights_punctual", {}).get("lights", [])
    for node in doc.get("nodes", []):
        ext = node.get("extensions", {}).get("KHR_lights_punctual")
        if ext is None or lights[ext["light"]].get("type") != "directional":
            continue
        light = lights[ext["light"]]
        # The light shines down its local -Z; towards it is +Z.
        d = quat_rotate(node.get("rotation", [0, 0, 0, 1]), (0, 0, 1))
        return light.get("name", ""), math.degrees(math.asin(max(-1, min(1, d[1])))), light.get("color", [1, 1, 1]), light.get("intensity", 1)
    return "none", 0, [0, 0, 0], 0


strip = Image.new("RGB", (len(hours) * (W + 4) - 4, 2 * H + 4), (255, 255, 255))
fmt = lambda v: "(" + ", ".join(f"{c:.2f}" for c in v) + ")"
for i, hour in enumerate(hours):
    doc = document(f"{work}/{hour}.glb")
    extras = doc["asset"].get("extras", {})
    env = extras.get("environment", {})
    name, elevation, color, lux = light_of(doc)
    t = env.get("timeOfDay", extras.get("recipe", {}).get("timeOfDay", 0))
    frames = []
    for row, (suffix, who) in enumerate((("oyster", "Oyster"), ("eevee", "Blender EEVEE"))):
        frame = Image.open(f"{work}/{hour}-{suffix}.png").convert("RGB")
        frames.append(ImageStat.Stat(frame).mean)
        frame = frame.resize((W, H), Image.LANCZOS)
        label(frame, f"{hour} ({int(t)}:{round(t % 1 * 60):02d}) - {who}")
        strip.paste(frame, (i * (W + 4), row * (H + 4)))
    print(f"{hour}: {t:g} h, {name} {elevation:.1f} deg, colour {fmt(color)}, {lux:.0f} lux; "
          f"sky {fmt(env.get('skyColor', []))} horizon {fmt(env.get('horizonColor', []))} "
          f"glow {fmt(env.get('sunGlowColor', []))}; mean sRGB Oyster {fmt(frames[0])} Blender {fmt(frames[1])}")
strip.save(out, optimize=True)
