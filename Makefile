# Oyster — the commands a user and CI run. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN = .build/release
DEBUG_BIN = .build/debug
SHARED ?= ../shared
DEMO_OUT ?= demo-out

.PHONY: all deps client-deps build release demo test test-swift test-conformance test-clients bench fuzz clean

all: build

# libpng, libjpeg, headless OpenGL (EGL + Mesa, for oyster-render) and FFmpeg's libraries (video
# output) come from the system; install them when missing (root or sudo).
DEPS = libpng-dev libjpeg-dev zlib1g-dev libegl-dev libgl-dev libgl1-mesa-dri libegl-mesa0 \
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# The real clients the test suite checks files in (README "Testing"): Debian packages and
# PyPI wheels, installed when missing so a fresh machine runs every check instead of skipping.
# ffmpeg (ffprobe) checks videos; chromium and chromium-driver (with selenium) play them;
# pyyaml reads the deploy/ manifests (ScaleOutManifestTests).
CLIENT_DEBS = assimp-utils godot3 xvfb gltfpack ffmpeg chromium chromium-driver
CLIENT_PY = bpy==4.5.3 trimesh pillow pygltflib panda3d panda3d-gltf rectpack selenium pyyaml
client-deps:
	@missing=""; for p in $(CLIENT_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import bpy, trimesh, PIL, pygltflib, panda3d, gltf, rectpack, selenium, yaml" >/dev/null 2>&1 || \
	  { echo "installing $(CLIENT_PY)"; python3 -m pip install -q $(CLIENT_PY); }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@bash scripts/demo.sh $(RELEASE_BIN) $(DEMO_OUT)

# The whole suite: unit and CLI tests, then the Khronos conformance score, then real-client
# checks (each skips when its tool is not installed).
test: deps client-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel
	@bash scripts/test-conformance.sh $(DEBUG_BIN) $(SHARED)
	@bash scripts/test-clients.sh $(DEBUG_BIN)

bench: release
	@bash Benchmarks/run.sh $(RELEASE_BIN) $(SHARED)

# libFuzzer + ASan over every reader, SECONDS each (Linux). Not part of `make test`, which runs
# only the committed regression inputs (Fixtures/fuzz/). TARGETS picks some: TARGETS="obj glb".
SECONDS ?= 60
TARGETS ?=
fuzz: deps
	@SHARED=$(SHARED) bash scripts/fuzz.sh $(SECONDS) $(TARGETS)

clean:
	rm -rf .build .build-fuzz $(DEMO_OUT) bench-out
