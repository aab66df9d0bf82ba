"""
Flattens DejaVu's composite glyphs whose components are themselves composites (š, ễ, ố, ǻ...) into one level of
components, each placed at the sum of the offsets on its path. PDFsharp 6.2.4's font subsetter follows components one
level deep only, so without this those letters print without their inner accent (docs/adr/0032). Outlines, widths and
names are unchanged; the flattened glyphs lose their hinting instructions (unused by PDF viewers at print sizes).
Usage: python3 flatten-dejavu.py IN.ttf OUT.ttf  (needs fontTools: Debian's python3-fonttools)
"""
import copy
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

USE_MY_METRICS = 0x0200
WE_HAVE_INSTRUCTIONS = 0x0100


def leaves(glyf, component, dx, dy):
    inner = glyf[component.glyphName]
    if not inner.isComposite():
        leaf = copy.copy(component)
        leaf.x, leaf.y = dx, dy
        return [leaf]
    return [leaf for c in inner.components for leaf in leaves(glyf, c, dx + c.x, dy + c.y)]


def flatten(source, target):
    font = TTFont(source)
    glyf = font['glyf']
    count = 0
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if not glyph.isComposite() or not any(glyf[c.glyphName].isComposite() for c in glyph.components):
            continue
        if any(hasattr(c, 'transform') or not hasattr(c, 'x') for c in glyph.components):
            raise SystemExit(f'{name}: a scaled or point-matched component; flatten it by hand')
        flat = [leaf for c in glyph.components for leaf in leaves(glyf, c, c.x, c.y)]
        for i, leaf in enumerate(flat):
            leaf.flags &= ~WE_HAVE_INSTRUCTIONS
            if i > 0:
                leaf.flags &= ~USE_MY_METRICS
        glyph.components = flat
        glyph.program = ttProgram.Program()
        glyph.program.fromBytecode(b'')
        count += 1
    font.save(target)
    print(f'{source}: {count} glyphs flattened')


if __name__ == '__main__':
    flatten(sys.argv[1], sys.argv[2])
