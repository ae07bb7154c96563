#!/usr/bin/env python3
"""A 2-column contact sheet of 640 x 360 stills, each with its prompt under it.

usage: contact_sheet.py OUT.png IMAGE PROMPT [IMAGE PROMPT ...]
Used by make-world-previews.sh (docs/previews/prompts.png), make-town-previews.sh
(docs/previews/town.png) and make-season-previews.sh (docs/previews/seasons.png). Needs Pillow.
"""
import sys
from PIL import Image, ImageDraw

out, rest = sys.argv[1], sys.argv[2:]
pairs = list(zip(rest[0::2], rest[1::2]))
w, h, label = 640, 360, 28
rows = (len(pairs) + 1) // 2
sheet = Image.new("RGB", (w * 2, (h + label) * rows), "white")
draw = ImageDraw.Draw(sheet)
for k, (path, prompt) in enumerate(pairs):
    x, y = (k % 2) * w, (k // 2) * (h + label)
    sheet.paste(Image.open(path).convert("RGB").resize((w, h)), (x, y))
    draw.text((x + 8, y + h + 8), prompt, fill="black")
sheet.save(out)
