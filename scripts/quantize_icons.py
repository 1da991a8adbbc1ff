"""Reduces the rendered icons (public/icons/*.png) to small palettes: the artwork has a
handful of flat colours, and Chrome fetches icon-192.png with the manifest on a first
visit, so its bytes count (3.7 KB as rendered, 1.3 KB with 32 colours). Run by
scripts/make_icons.mjs after rendering; needs Pillow (`pip install pillow`)."""

from PIL import Image

# The maskable icon's large circles keep smoother edges with more colours.
COLOURS = {
    "icon-192.png": 32,
    "icon-512.png": 32,
    "apple-touch-icon.png": 32,
    "maskable-512.png": 64,
}

for name, colours in COLOURS.items():
    path = f"public/icons/{name}"
    image = Image.open(path).convert("RGBA")
    image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
    print(path)
