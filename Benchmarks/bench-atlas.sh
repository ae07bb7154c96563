#!/usr/bin/env bash
# Atlas packing: occupancy and time against rectpack MaxRects-BSSF (issue 5).
bash "$HERE/atlas.sh"
