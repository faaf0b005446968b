#!/usr/bin/env bash
# Screen off (issue 17): the screen_off keypad key blanks the display (the screenshot is black
# from corner to corner), and the next touch brings the picture back without also using what
# was under the finger.
# Usage: screen_off.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/screen_off.scenario" <<'SCENARIO'
# size: 1280x800
expect-id home.jobs
press screen_off
expect-id screen_off
shot off
tap home.jobs
expect-not-id screen_off
expect-not-id jobs.search
expect-id home.jobs
shot on
SCENARIO

"$src/tests/e2e/run_scenario.sh" "$binary" "$work/screen_off.scenario" "$work/shots" \
  >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }

# Prints how many pixels of an 8-bit RGBA PNG (as the kiosk writes them) are not black.
lit_pixels() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat = 8, b''
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, colour = struct.unpack('>IIBB', body[:10])
        assert depth == 8 and colour == 6, 'expected 8-bit RGBA'
    elif kind == b'IDAT':
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * 4
prev = bytearray(stride)
lit = 0
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - 4] if i >= 4 else 0
        b = prev[i]
        c = prev[i - 4] if i >= 4 else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    lit += sum(1 for x in range(0, stride, 4) if line[x] or line[x + 1] or line[x + 2])
    prev = line
print(lit)
PY
}

off=$(lit_pixels "$work/shots/off.png")
on=$(lit_pixels "$work/shots/on.png")
[ "$off" -eq 0 ] || { echo "screen_off.sh: $off pixels still lit with the screen off"; exit 1; }
[ "$on" -gt 0 ] || { echo "screen_off.sh: the picture did not come back"; exit 1; }
grep -q "screen off" "$work/log" && grep -q "screen on" "$work/log" || {
  echo "screen_off.sh: the log does not say the screen went off and on"; cat "$work/log"; exit 1; }
echo "screen_off.sh: black with the screen off ($on pixels lit once a touch brought it back)"
