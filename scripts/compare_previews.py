"""Put Oyster's frame and Blender's frame of one scene side by side, and compare them in numbers.

    python3 scripts/compare_previews.py OUT.png OYSTER.png BLENDER.png [--name SCENE]
        [--left-label TEXT] [--right-label TEXT]

Writes OUT.png: the two frames side by side (left Oyster, right Blender) with a small label
on each. Prints one line of figures, all on 8-bit sRGB values (0-255):
  mean RGB of each frame; mean luma (Rec. 709 weights) and its ratio Blender / Oyster;
  mean saturation (HSV S, 0-255) of each;
  MAD: mean absolute difference per channel of the two frames shrunk to 64x36 (box filter),
  so what is where and how bright it is count, and single-pixel detail does not;
  corr: correlation of the two 64x36 luma images (1 = same light and dark places, whatever
  the overall exposure).
"""
import argparse
import math

from PIL import Image, ImageStat

from preview_label import label

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("oyster")
ap.add_argument("blender")
ap.add_argument("--name", default="")
ap.add_argument("--left-label", default="Oyster (oyster-render)")
ap.add_argument("--right-label", default="Blender 4.5 EEVEE")
a = ap.parse_args()

left = Image.open(a.oyster).convert("RGB")
right = Image.open(a.blender).convert("RGB")
if right.size != left.size:
    raise SystemExit(f"compare_previews: {a.blender} is {right.size}, {a.oyster} is {left.size}")
w, h = left.size


pair = Image.new("RGB", (w * 2 + 4, h), (255, 255, 255))
l, r = left.copy(), right.copy()
label(l, a.left_label)
label(r, a.right_label)
pair.paste(l, (0, 0))
pair.paste(r, (w + 4, 0))
pair.save(a.out, optimize=True)


def luma(rgb):
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


mean_l, mean_r = ImageStat.Stat(left).mean, ImageStat.Stat(right).mean
sat_l = ImageStat.Stat(left.convert("HSV")).mean[1]
sat_r = ImageStat.Stat(right.convert("HSV")).mean[1]
small_l = left.resize((64, 36), Image.BOX)
small_r = right.resize((64, 36), Image.BOX)
def pixels(image):
    b = image.tobytes()
    return [tuple(b[i:i + 3]) for i in range(0, len(b), 3)]


pl, pr = pixels(small_l), pixels(small_r)
mad = [sum(abs(p[c] - q[c]) for p, q in zip(pl, pr)) / len(pl) for c in range(3)]
yl, yr = [luma(p) for p in pl], [luma(p) for p in pr]
ml, mr = sum(yl) / len(yl), sum(yr) / len(yr)
cov = sum((x - ml) * (y - mr) for x, y in zip(yl, yr))
var = math.sqrt(sum((x - ml) ** 2 for x in yl) * sum((y - mr) ** 2 for y in yr))
corr = cov / var if var > 0 else 0.0
fmt = lambda v: "(" + ", ".join(f"{c:.0f}" for c in v) + ")"
ratio = luma(mean_r) / luma(mean_l) if luma(mean_l) > 0 else float("inf")
print(f"{a.name or a.out}: mean RGB Oyster {fmt(mean_l)} Blender {fmt(mean_r)}; "
      f"luma {luma(mean_l):.0f} vs {luma(mean_r):.0f} (Blender/Oyster {ratio:.2f}); "
      f"saturation {sat_l:.0f} vs {sat_r:.0f}; "
      f"64x36 MAD {fmt(mad)} (mean {sum(mad) / 3:.1f}); luma corr {corr:.2f}")
