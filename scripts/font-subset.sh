#!/usr/bin/env bash
# Rebuilds assets/fonts/DroidSansFallback-Stratum-subset.ttf: ASCII, the
# GB2312 symbol rows and level-1 hanzi, and every character of the zh-CN
# texts. Run it after adding Chinese text with a character the font lacks
# (the GUI test every_chinese_character_is_in_the_shipped_fonts names it).
# Needs Debian's fonts-droid-fallback and fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
full=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
[ -f "$full" ] || { echo "font-subset: install fonts-droid-fallback" >&2; exit 1; }
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
python3 - "$chars" <<'PY'
import pathlib, sys
out = set(chr(c) for c in range(0x20, 0x7f))
# GB2312: symbol rows 1-9 (A1-A9) and level-1 hanzi (B0A1-D7F9).
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8)):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for f in pathlib.Path("i18n/zh-CN").glob("*.ftl"):
    out.update(c for c in f.read_text(encoding="utf-8") if not c.isascii())
pathlib.Path(sys.argv[1]).write_text("".join(sorted(out)), encoding="utf-8")
PY
pyftsubset "$full" --text-file="$chars" \
    --output-file=assets/fonts/DroidSansFallback-Stratum-subset.ttf \
    --no-hinting --layout-features='*'
ls -l assets/fonts/DroidSansFallback-Stratum-subset.ttf
