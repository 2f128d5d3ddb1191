#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium renders the report of a corpus that
# contains markup typed by customers, and the rendered DOM is checked for the charts, the agent
# table, highlighted findings, the page's own script having run, and the injected scripts NOT
# having run. A control page with the same payload unescaped proves that the check would see it.
#
#   tests/browser/run.sh                 # check (what CI runs)
#   tests/browser/run.sh --screenshots   # also refresh docs/report-overview.png, docs/report-call.png
#
# Uses the release binary when CI=true (or SINCERITY_PROFILE=release), the debug one otherwise.
# Installs Debian's chromium when it is missing (needs root, as in CI).
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$(pwd)
screenshots=no
[[ "${1:-}" == "--screenshots" ]] && screenshots=yes

if ! command -v chromium >/dev/null 2>&1; then
    echo "browser: installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CI has built the release binary already; locally the debug build is quicker to make.
profile=${SINCERITY_PROFILE:-$([[ "${CI:-}" == true ]] && echo release || echo debug)}
if [[ $profile == release ]]; then
    cargo build --release --locked --quiet
else
    cargo build --locked --quiet
fi
bin="$root/target/$profile/sincerity"

# The demo corpus when there is one, and always the fixture whose injections are known here.
inputs=()
[[ -f corpora/demo.jsonl ]] && inputs+=(corpora/demo.jsonl)
inputs+=(tests/fixtures/report/calls.jsonl)
status=0
"$bin" score "${inputs[@]}" -q -o "$work/results.jsonl" --report "$work/report.html" || status=$?
# 1 means some input records were errors (the fixture has one on purpose); 2 is a failure.
if [[ $status -gt 1 ]]; then
    echo "browser: sincerity score failed with status $status"
    exit 1
fi

browser() {
    # A fresh profile each time; no network, no background services.
    local profile
    profile=$(mktemp -d "$work/profile.XXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" 2>>"$work/chromium.log"
}

passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "browser: FAILED: $name"
    fi
}
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# Control: the same payloads, unescaped, do run and do show in the dumped DOM.
cat >"$work/control.html" <<'EOF'
<!DOCTYPE html><html><head><title>Conversation review</title></head><body>
<div>My parcel never arrived. <script>document.title='PWNED'</script></div>
<div>x"><img src=x onerror="document.body.appendChild(document.createElement('p')).id='pwned'"></div>
</body></html>
EOF
browser --virtual-time-budget=3000 --dump-dom "file://$work/control.html" >"$work/control.dom" || true
check "control: an unescaped script runs and is seen" has "$work/control.dom" "<title>PWNED</title>"
check "control: an unescaped onerror runs and is seen" has "$work/control.dom" '<p id="pwned">'

# The report.
browser --virtual-time-budget=3000 --dump-dom "file://$work/report.html" >"$work/report.dom" || true
dom="$work/report.dom"
check "page rendered" has "$dom" "</html>"
check "the page's own script ran under its CSP" has "$dom" 'data-js="ready"'
check "title unchanged" has "$dom" "<title>Conversation review</title>"
check "no injected script ran (title)" lacks "$dom" "<title>PWNED"
check "no injected handler ran (element)" lacks "$dom" 'id="pwned"'
check "no element from injected markup (iframe)" lacks "$dom" "<iframe"
check "no element from injected markup (img)" lacks "$dom" "<img"
check "injected script is visible as text" has "$dom" "&lt;script&gt;document.title='PWNED'&lt;/script&gt;"
check "injected img is visible as text" has "$dom" '&lt;img src=x onerror="document.body.appendChild'
check "empathy histogram" has "$dom" '<svg id="hist-empathy" class="chart histogram'
check "sincerity histogram" has "$dom" '<svg id="hist-sincerity" class="chart histogram'
check "effort histogram" has "$dom" '<svg id="hist-effort" class="chart histogram'
check "histogram bars" has "$dom" '<rect class="bar"'
check "rules chart" has "$dom" '<svg id="chart-rules" class="chart rules"'
check "effort-by-empathy matrix" has "$dom" '<svg id="chart-matrix" class="chart matrix"'
check "agent table" has "$dom" '<table id="agent-table" class="sortable">'
check "agent row" has "$dom" 'data-agent="B02"'
check "highlighted finding" has "$dom" '<mark class="hl hl-effort" title="repeat-contact'
check "empathy moment" has "$dom" '<mark class="hl hl-good" title="empathy-reaction'
check "filter counter filled by the script" has "$dom" ' shown</span>'

# One conversation opened alone through the URL fragment.
browser --virtual-time-budget=3000 --dump-dom "file://$work/report.html#only:call-c-inject-1" >"$work/call.dom" || true
check "fragment focuses the page" has "$work/call.dom" '<html lang="en" data-js="ready" class="focus">'
check "fragment opens the conversation" grep -qE '<details class="call flagged focused" id="call-c-inject-1"[^>]* open=""' "$work/call.dom"
check "no injected script ran (call view)" lacks "$work/call.dom" 'id="pwned"'

# Screenshots: the overview and the worst conversation opened alone, from the demo corpus
# when there is one.
if [[ $screenshots == yes ]]; then
    shots="$root/docs"
    mkdir -p "$shots"
else
    shots="$work"
fi
page="$work/report.html"
if [[ -f corpora/demo.jsonl ]]; then
    page="$work/demo.html"
    "$bin" score corpora/demo.jsonl -q -o /dev/null --report "$page" || true
fi
worst=$(grep -oE '<details class="call flagged" id="call-[A-Za-z0-9_.:-]+"' "$page" | sed -nE '1s/.*id="([^"]+)"/\1/p')
browser --window-size=1280,2000 --screenshot="$shots/report-overview.png" "file://$page" >/dev/null || true
browser --window-size=1280,1500 --screenshot="$shots/report-call.png" "file://$page#only:$worst" >/dev/null || true
png() { [[ -s "$1" ]] && [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]; }
check "overview screenshot" png "$shots/report-overview.png"
check "call screenshot" png "$shots/report-call.png"

if [[ $failed -gt 0 ]]; then
    echo "browser: chromium log follows"
    grep -v dbus "$work/chromium.log" | tail -20 || true
fi
echo "browser: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
