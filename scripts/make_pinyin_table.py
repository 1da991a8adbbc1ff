#!/usr/bin/env python3
"""Writes public/data/pinyin.txt: the first pinyin letter of the 3,755 level-1
GB2312 characters (the common ones, which cover place and compound names), grouped by
letter, one line per letter. Run once by hand: `pip install pypinyin` then
`python3 scripts/make_pinyin_table.py`. The table (about 11 KB raw, 7 KB brotli) is fetched by the
directory the first time someone searches in Latin letters; see README."""
from collections import defaultdict
from pathlib import Path

from pypinyin import Style, lazy_pinyin

groups = defaultdict(list)
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        if hi == 0xD7 and lo > 0xF9:
            break
        ch = bytes([hi, lo]).decode("gb2312")
        letter = lazy_pinyin(ch, style=Style.FIRST_LETTER)[0][:1].lower()
        if letter.isascii() and letter.isalpha():
            groups[letter].append(ch)

out = Path(__file__).resolve().parent.parent / "public/data/pinyin.txt"
out.write_text("".join(f"{k}{''.join(v)}\n" for k, v in sorted(groups.items())), encoding="utf-8")
print(out, sum(len(v) for v in groups.values()), "characters")
