#!/usr/bin/env bash
# Re-renders the golden images under Fixtures/golden/ from the scenes in
# Tests/OysterRenderTests/GoldenImageTests.swift. Look at every image before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
OYSTER_UPDATE_GOLDENS=1 swift test --skip-build --filter GoldenImageTests
git status --short Fixtures/golden
