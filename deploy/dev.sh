#!/usr/bin/env bash
# Campana for developers. On a fresh Debian 12 machine:
#
#   deploy/dev.sh run     install what is missing, build, start with a demo workshop
#   deploy/dev.sh test    install what is missing, build with sanitizers, lint, run every
#                         test (and each fuzz target for a few seconds)
#   deploy/dev.sh lint    only test's lint step (format, clang-tidy, the pages' types), after
#                         bringing the dev build up to date
#   deploy/dev.sh fuzz [seconds]
#                         run each fuzz target longer (300 s by default) and add what it
#                         finds to tests/fuzz/corpus, to commit
#   deploy/dev.sh bench   install what is missing, build for speed, run the benchmarks
#   deploy/dev.sh setup   only install what is missing
#
# Everything comes from Debian's packages and the npm registry. Running it again installs
# nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

build_packages=(build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libprotobuf-dev protobuf-compiler libspdlog-dev libsqlite3-dev
  libcli11-dev prometheus-cpp-dev libgtest-dev libgmock-dev libpq-dev)
# Chromium for the pages; poppler-utils for pdftotext (the report printed to PDF is read back);
# HAProxy, the TLS front, and openssl, which makes its certificate (tests/e2e/tls.test.mjs);
# PostgreSQL 15, whose server the store's tests start for themselves (tests/support/postgres_server.h).
test_packages=(chromium poppler-utils haproxy openssl postgresql-15)
# The fuzz targets (tests/fuzz): clang, its libFuzzer and sanitizer runtimes, and llvm-14 for
# llvm-symbolizer (readable stack traces in crash reports).
fuzz_packages=(clang-14 libclang-rt-14-dev llvm-14)
# The lint step: clang-format and clang-tidy, named by version as the fuzz tree names clang++-14
# (another clang-format formats differently; a new one is a change to make on purpose).
lint_packages=(clang-format-14 clang-tidy-14 systemd)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  # Node.js and npm: Debian's, unless the machine already has them (they may come from
  # elsewhere, and two would clash).
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=($(missing_packages nodejs npm))
  fi
  ((${#missing[@]})) || return 0
  say "installing ${missing[*]}"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# npm ci in a folder with a package-lock.json, unless its node_modules came from that very lock.
install_npm_packages() {
  local dir=$1
  local stamp=$dir/node_modules/.campana-lock
  local want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then return 0; fi
  say "installing npm packages in ${dir#"$root"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

setup() {
  install_packages "${build_packages[@]}" "$@"
  install_npm_packages "$root/clients/web"
}

build() {
  local preset=$1
  say "building ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" >&2
}

# clang-tidy (.clang-tidy) over server/'s translation units in the dev build's
# compile_commands.json, through its generated headers. Fails on a finding that
# deploy/tidy-known.txt does not list, on a listed one no longer found (delete its line), and on
# clang-tidy failing. What clang-tidy printed stays in build/dev/clang-tidy.log.
tidy() {
  local log=$root/build/dev/clang-tidy.log known=$root/deploy/tidy-known.txt
  local rc=0 found listed new gone
  # Paths are matched as $root spells them: were the build's another spelling, nothing would run.
  if ! grep -qF "\"file\": \"$root/server/" "$root/build/dev/compile_commands.json"; then
    say "clang-tidy: no file under $root/server in build/dev/compile_commands.json"
    return 1
  fi
  # run-clang-tidy prints each command it runs before that command's output.
  run-clang-tidy-14 -quiet -j "$(nproc)" -p "$root/build/dev" \
    "^$(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$root")/server/" 2>&1 |
    sed -e '/^clang-tidy-14 /d' -e 's/\x1b\[[0-9;]*m//g' >"$log" || rc=$?
  # One line a finding, once however many files include its header; without the line and
  # column, which move as the code around them changes.
  found=$(awk -v root="$root/" 'index($0, root) == 1 &&
      /^[^:]*:[0-9]+:[0-9]+: (warning|error): / { print substr($0, length(root) + 1) }' "$log" |
    sort -u | sed -E 's/^([^:]*):[0-9]+:[0-9]+: (warning|error): /\1: /' | sort)
  listed=$(grep -v -e '^#' -e '^$' "$known" | sort || true)
  new=$(comm -23 <(echo "$found") <(echo "$listed") | sed '/^$/d')
  gone=$(comm -13 <(echo "$found") <(echo "$listed") | sed '/^$/d')
  if [[ -n $new ]]; then
    say "clang-tidy: new findings (where, in build/dev/clang-tidy.log)"
    sed 's/^/  /' <<<"$new" >&2
  fi
  if [[ -n $gone ]]; then
    say "clang-tidy: no longer found, delete from deploy/tidy-known.txt"
    sed 's/^/  /' <<<"$gone" >&2
  fi
  if ((rc != 0)); then
    say "clang-tidy failed (exit $rc): see build/dev/clang-tidy.log"
  fi
  [[ -z $new && -z $gone && rc -eq 0 ]]
}

# The gates, over the tracked files as they are: the format of every C++ file, clang-tidy over
# server/ (through the dev build's compile_commands.json and generated headers: build dev
# first), the pages' types (through the dev build's generated src/gen). Each prints what fails
# it; all three run, and any failure fails the step.
# The unit file parses (the binary it names is not installed here: that one complaint is
# expected) and its sandboxing keeps systemd's exposure score at 2.0 or below ("OK"; a unit
# without it scores 9.6).
check_service() {
  local unit=$root/deploy/campana.service out score
  out=$(systemd-analyze verify "$unit" 2>&1 | grep -v 'is not executable: No such file or directory' || true)
  if [[ -n $out ]]; then
    printf '%s\n' "$out" >&2
    return 1
  fi
  score=$(systemd-analyze security --offline=true "$unit" 2>&1 | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  if [[ -z $score ]] || ! awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
    echo "deploy/campana.service: exposure ${score:-unknown}, above 2.0" >&2
    return 1
  fi
  echo "deploy/campana.service: exposure $score" >&2
}

lint() {
  local status=0 out bad sources start=$SECONDS times

  say "checking the format of the C++ files (clang-format)"
  mapfile -d '' -t sources < <(git -C "$root" ls-files -z -- '*.cc' '*.h')
  if ! out=$(cd "$root" && clang-format-14 --dry-run --Werror "${sources[@]}" 2>&1); then
    mapfile -t bad < <(sed -n 's/^\([^: ]*\):[0-9]*:[0-9]*: error: .*/\1/p' <<<"$out" | sort -u)
    if ((${#bad[@]})); then
      printf '  %s\n' "${bad[@]}" >&2
      say "not formatted: ${#bad[@]} files (clang-format-14 -i FILE... formats them)"
    else
      printf '%s\n' "$out" >&2
    fi
    status=1
  fi
  times="format $((SECONDS - start)) s"
  start=$SECONDS

  say "clang-tidy over server/"
  tidy || status=1
  times+=", clang-tidy $((SECONDS - start)) s"
  start=$SECONDS

  say "checking the pages (tsc, ESLint, Prettier, unit tests)"
  npm --prefix "$root/clients/web" run --silent check || status=1
  times+=", pages $((SECONDS - start)) s"

  say "checking deploy/campana.service (systemd-analyze: valid, and sandboxed)"
  check_service || status=1

  if ((status == 0)); then say "lint passed ($times)"; else say "lint failed ($times)"; fi
  return $status
}

case ${1:-} in
  setup)
    setup "${test_packages[@]}" "${fuzz_packages[@]}" "${lint_packages[@]}"
    ;;
  run)
    setup
    build release
    port=${CAMPANA_PORT:-8080}
    mkdir -p var
    say "starting campana on port $port (Ctrl-C stops it)"
    exec "$root/build/release/server/campana" --port "$port" --db "$root/var/campana.db" \
      --web-root "$root/clients/web/dist" --templates "$root/deploy/templates" \
      --demo "$root/deploy/templates/demo.${CAMPANA_DEMO_LANG:-es}.json" "${@:2}"
    ;;
  bench)
    # Chromium for the board's projector and the report (bench/board_render.mjs, report_render.mjs).
    setup "${test_packages[@]}"
    # The peers measured beside campana (Node's ws).
    install_npm_packages "$root/bench/peers"
    build release
    bin=$root/build/release
    results=$root/bench/results
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$results"
    day=$(date -u +%F)
    say "pairing"
    "$bin/bench/pairing_bench" --out "$scratch/pairing.json"
    say "fan-out, the join storm, the storms (votes, boards, polls), memory, cold start (about 13 minutes)"
    "$bin/bench/campana-bench" --campana "$bin/server/campana" \
      --web-root "$root/clients/web/dist" --demo "$root/deploy/templates/demo.es.json" \
      --floor "$bin/bench/floor_server" --beast-chat "$bin/bench/beast_chat" \
      --node-ws "$root/bench/peers/ws_server.mjs" --scratch "$scratch" \
      --out "$scratch/server.json" "${@:2}"
    # The projector's render time of a 2,500-note board, unless --only leaves it out.
    echo null >"$scratch/board_render.json"
    if [[ " ${*:2} " != *--only* || " ${*:2} " == *board-render* ]]; then
      say "board render (the projector in Chromium, about 2 minutes)"
      render=(--out "$scratch/board_render.json")
      [[ " ${*:2} " == *" --quick "* ]] && render+=(--quick)
      CAMPANA_BIN="$bin/server/campana" CAMPANA_WEB_DIR="$root/clients/web" CAMPANA_SOURCE_DIR="$root" \
        node "$root/bench/board_render.mjs" "${render[@]}"
    fi
    # The report page of a 48-person workshop with every activity, unless --only leaves it out.
    echo null >"$scratch/report_render.json"
    if [[ " ${*:2} " != *--only* || " ${*:2} " == *report-render* ]]; then
      say "report render (a whole workshop, then its report in Chromium, about 1 minute)"
      report=(--out "$scratch/report_render.json")
      [[ " ${*:2} " == *" --quick "* ]] && report+=(--quick)
      CAMPANA_BIN="$bin/server/campana" CAMPANA_WEB_DIR="$root/clients/web" CAMPANA_SOURCE_DIR="$root" \
        node "$root/bench/report_render.mjs" "${report[@]}"
    fi
    # One file: the machine, then each benchmark's own JSON.
    {
      printf '{\n  "date": "%s",\n  "commit": "%s",\n' "$(date -u +%FT%TZ)" \
        "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
      printf '  "machine": {"cpus": %s, "model": "%s", "kernel": "%s"},\n' "$(nproc)" \
        "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(uname -r)"
      printf '  "pairing": %s,\n  "server": %s,\n  "board_render": %s,\n  "report_render": %s\n}\n' \
        "$(cat "$scratch/pairing.json")" "$(cat "$scratch/server.json")" \
        "$(cat "$scratch/board_render.json")" "$(cat "$scratch/report_render.json")"
    } >"$results/$day.json"
    say "wrote bench/results/$day.json"
    ;;
  test)
    setup "${test_packages[@]}" "${fuzz_packages[@]}" "${lint_packages[@]}"
    build dev
    # A lint failure fails the run, but the tests run all the same: one run tells everything.
    status=0
    lint || status=$?
    # The fuzz targets are a tree of their own (clang, libFuzzer): see tests/fuzz.
    build fuzz
    say "running every test"
    mkdir -p test-output
    ctest --preset dev "${@:2}" || status=$?
    say "running each fuzz target for a few seconds"
    ctest --preset fuzz "${@:2}" || status=$?
    exit $status
    ;;
  lint)
    setup "${lint_packages[@]}"
    build dev
    lint
    ;;
  fuzz)
    seconds=${2:-300}
    install_packages "${build_packages[@]}" "${fuzz_packages[@]}"
    build fuzz
    bin=$root/build/fuzz/tests/fuzz
    # The seeds again, from the protos and the template as they are now.
    "$bin/fuzz_seeds" "$root/tests/fuzz"
    for target in frames commands; do
      say "fuzzing $target for $seconds s"
      "$root/tests/fuzz/run.sh" "$bin/fuzz_$target" "$root/tests/fuzz/corpus/$target" \
        "$root/build/fuzz/fuzz-runs" "$seconds" --merge
    done
    say "new inputs, if any, are in tests/fuzz/corpus: commit them"
    ;;
  *)
    echo "usage: deploy/dev.sh run|test|lint|fuzz [seconds]|bench|setup" >&2
    exit 2
    ;;
esac
