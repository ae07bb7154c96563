#!/usr/bin/env bash
# Fuzz the readers with libFuzzer + AddressSanitizer (issue 11, section 4). Linux only.
# usage: bash scripts/fuzz.sh SECONDS_PER_TARGET [TARGET...]   (make fuzz SECONDS=N TARGETS="...")
#
# Builds the Fuzz/ package (one executable per target, bodies in OysterFuzzEntries) into
# .build-fuzz, builds seed corpora from Fixtures/ (plus the committed regressions in
# Fixtures/fuzz/<target>/ and, when present, the Khronos test assets in ../shared), then runs
# each target in turn for SECONDS_PER_TARGET seconds, one process at a time and niced, so
# other builds on the machine stay responsive. Prints executions per target and in total;
# exits 1 if any target crashed, timed out or ran out of memory (the input is in
# .build-fuzz/artifacts/<target>/; reproduce with `.build-fuzz/release/fuzz-<target> FILE`).
set -euo pipefail
cd "$(dirname "$0")/.."

PER_TARGET="${1:-60}"
shift || true
ALL_TARGETS=(gltf glb obj mtl image recipe validate)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi
SCRATCH=.build-fuzz
SHARED="${SHARED:-../shared}"
NICE=(nice -n "${FUZZ_NICE:-15}")
SWIFT="${SWIFT:-swift}"

if [ "$(uname -s)" != Linux ]; then
    echo "fuzz: libFuzzer builds need the Linux toolchain; skipped" >&2
    exit 0
fi

# MARK: - Build (release: the fuzzers need speed; ASan and libFuzzer's coverage on Swift and C)
# lld: GNU gold crashes ("internal error in format_file_lineno") linking these executables.
BUILD=("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c release
       -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld)
"${NICE[@]}" "${BUILD[@]}" 2>&1 | grep -v '^\[' || true
BIN="$("${BUILD[@]}" --show-bin-path)"
for t in "${TARGETS[@]}"; do
    [ -x "$BIN/fuzz-$t" ] || { echo "fuzz: $BIN/fuzz-$t was not built" >&2; exit 1; }
done

# MARK: - Seed corpora, rebuilt each run from the fixtures (never committed)
seed_files() {  # the fixture files a target starts from
    local find_roots=(Fixtures)
    [ -d "$SHARED/conformance" ] && find_roots+=("$SHARED/conformance")
    case "$1" in
        gltf) find "${find_roots[@]}" -type f -name '*.gltf' -size -64k ;;
        glb) find "${find_roots[@]}" -type f -name '*.glb' -size -256k ;;
        obj) find Fixtures -type f -name '*.obj' ;;
        mtl) find Fixtures -type f -name '*.mtl' ;;
        image) find Fixtures -type f \( -name '*.png' -o -name '*.jpg' \) -size -64k ;;
        recipe) find Fixtures/recipes -type f -name '*.json' ;;
    esac
    [ -d "Fixtures/fuzz/$1" ] && find "Fixtures/fuzz/$1" -type f ! -name '*.md'
    return 0
}
kind_byte() {  # the first byte FuzzEntries.validate reads: which kind of file follows
    case "$1" in gltf) echo 0 ;; glb) echo 1 ;; obj) echo 2 ;; mtl) echo 3 ;; png) echo 4 ;; *) echo 5 ;; esac
}
make_seeds() {
    local t="$1" dir="$SCRATCH/seeds/$1" n=0
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$t" = validate ]; then
        for kind in gltf glb obj mtl image; do
            while IFS= read -r f; do
                local ext="${f##*.}"
                [ "$kind" = image ] || ext="$kind"
                [ -n "$f" ] || continue
                n=$((n + 1))
                { printf "\\x$(printf %02x "$(kind_byte "$ext")")"; cat "$f"; } > "$dir/$n.$ext"
            done < <(seed_files "$kind" | grep -v '^Fixtures/fuzz/')
        done
        if [ -d Fixtures/fuzz/validate ]; then
            find Fixtures/fuzz/validate -type f ! -name '*.md' -exec cp {} "$dir/" \;
        fi
    else
        while IFS= read -r f; do
            [ -n "$f" ] || continue
            n=$((n + 1))
            cp "$f" "$dir/$n.$(basename "$f")"
        done < <(seed_files "$t")
    fi
}

# Largest input per target: a little above the biggest seed, small enough to stay fast.
max_len() {
    case "$1" in
        gltf) echo 16384 ;; glb) echo 32768 ;; obj) echo 4096 ;; mtl) echo 2048 ;;
        image) echo 8192 ;; recipe) echo 2048 ;; validate) echo 16384 ;;
    esac
}

# libFuzzer's per-input leak check runs a full LeakSanitizer scan whenever an input ends with
# more mallocs than frees. The OBJ reader's Dispatch worker threads keep per-thread caches, so
# every OBJ input would pay for a scan (80 instead of 3,000 exec/s); for it, leaks are checked
# once, at exit, by ASan alone.
leak_flag() { [ "$1" = obj ] && echo -detect_leaks=0 || echo -detect_leaks=1; }

# MARK: - Run, one target at a time
mkdir -p "$SCRATCH/logs"
total=0
failed=()
printf '%-10s %14s %8s  %s\n' target executions exec/s result
for t in "${TARGETS[@]}"; do
    make_seeds "$t"
    mkdir -p "$SCRATCH/corpus/$t" "$SCRATCH/artifacts/$t"
    log="$SCRATCH/logs/$t.log"
    status=0
    # Leak checks stay on: Swift frees what it allocates, so a leak report is a real finding.
    # Swift's own backtracer is off: it reads memory ASan reports as a wild access, burying
    # the real message ("Swift runtime failure: …") that libFuzzer prints for the trap.
    SWIFT_BACKTRACE=enable=no \
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}" \
    "${NICE[@]}" "$BIN/fuzz-$t" "$SCRATCH/corpus/$t" "$SCRATCH/seeds/$t" \
        -max_total_time="$PER_TARGET" -max_len="$(max_len "$t")" \
        -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
        -print_final_stats=1 "$(leak_flag "$t")" \
        -artifact_prefix="$SCRATCH/artifacts/$t/" > "$log" 2>&1 || status=$?
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
    execs="${execs:-0}"
    total=$((total + execs))
    if [ "$status" = 0 ]; then
        result=ok
    else
        artifact="$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //' || true)"
        result="FAILED (exit $status) ${artifact:-see $log}"
        failed+=("$t")
    fi
    printf '%-10s %14s %8s  %s\n' "$t" "$execs" "${rate:-?}" "$result"
done
printf '%-10s %14s\n' total "$total"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}; logs in $SCRATCH/logs/" >&2
    exit 1
fi
