"""The caption the preview sheets put in a picture's top-left corner (white on a dark band),
shared by compare_previews.py and hour_strip.py."""
from PIL import ImageDraw, ImageFont


def label(image, text):
    draw = ImageDraw.Draw(image, "RGBA")
    try:
        font = ImageFont.load_default(size=14)
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    x0, y0, x1, y1 = draw.textbbox((8, 6), text, font=font)
    draw.rectangle((x0 - 5, y0 - 4, x1 + 5, y1 + 4), fill=(0, 0, 0, 150))
    draw.text((8, 6), text, font=font, fill=(255, 255, 255, 255))
