#!/usr/bin/env bash
# Generation (issue 6): the default scene and one 64 m chunk, medians.
bash "$HERE/generate.sh" "$BIN" 5
