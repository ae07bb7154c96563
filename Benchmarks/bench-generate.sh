#!/usr/bin/env bash
# Generation (issues 6 and 12): the default scene, single chunks near and far, 8x8 blocks, medians.
bash "$HERE/generate.sh" "$BIN" 5
