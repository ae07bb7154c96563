#!/usr/bin/env bash
# OBJ -> GLB of the 1M-triangle OBJ against gltfpack and assimp (issue 3).
bash "$HERE/obj.sh" "$BIN" "$SHARED"
