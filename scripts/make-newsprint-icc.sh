#!/bin/sh
# Rebuilds color/snap-tr002-newsprint.icc, the coldset newsprint CMYK output profile, from the
# CGATS/SNAP TR 002 measurements with ArgyllCMS. For maintainers only: the .icc is committed and
# nothing runs this at install, build or run time. Needs the Debian/Ubuntu packages
# icc-profiles-free (TR002.ti3), argyll and argyll-ref (sRGB.icm). Takes about 70 s.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/color/snap-tr002-newsprint.icc"
ti3=/usr/share/color/icc/TR002.ti3
srgb=/usr/share/color/argyll/ref/sRGB.icm

for f in "$ti3" "$srgb"; do
  [ -f "$f" ] || { echo "missing $f: apt-get install icc-profiles-free argyll argyll-ref" >&2; exit 1; }
done
command -v colprof >/dev/null || { echo "colprof not found: apt-get install argyll" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# colprof reads <base>.ti3 and writes <base>.icc beside it unless -O says otherwise.
cp "$ti3" "$work/TR002.ti3"

# -qm   medium quality (the A2B/B2A tables; -qh takes far longer for no visible gain on newsprint)
# -kr   black generation: a ramp from 0 K at white to full K at black (GCR suited to newsprint greys)
# -l240 total ink limit 240 %, the coldset newsprint limit TR 002 describes
# -S    sRGB as the source gamut, so the perceptual table maps photo colours sensibly (without it mid-greys print too dark)
# -cmt  source viewing condition: monitor in a typical work environment
# -dpp  destination viewing condition: practical reflection print
colprof -v -qm -kr -l240 -S "$srgb" -cmt -dpp \
  -D "Coldset newsprint (CGATS/SNAP TR 002), 240% TAC, newsprint" \
  -C "Characterization data: ANSI CGATS/SNAP TR 002-2007 (Copyright 2007 NPES). Profile made with ArgyllCMS; no further permission needed." \
  -O "$work/snap-tr002-newsprint.icc" "$work/TR002"

mkdir -p "$here/color"
cp "$work/snap-tr002-newsprint.icc" "$out"
echo "wrote $out"
