#!/usr/bin/env bash
# Renders a `grader batch` report.html in headless Chromium and saves screenshots, to look at the page as a
# reviewer's browser shows it (tests parse the HTML with jsoup; they cannot tell what it looks like).
#
#   scripts/render-report.sh                      # grade a synthetic cohort of 40 (some names in CJK, Cyrillic,
#                                                 # Arabic, Devanagari), then render its report
#   scripts/render-report.sh out/report.html      # render an existing report
#
# Screenshots go next to the report, in screenshots/: overview.png (top of the page, 1280 px wide),
# details.png (the best candidate's details, opened), narrow.png (420 px wide, as on a phone).
# Needs Debian's chromium (apt-get install -y chromium); CHROMIUM names another binary. The page names fonts for
# every script, but a machine without fonts for a script draws its names as boxes: install fonts-noto-cjk
# (Chinese, Japanese, Korean) and fonts-noto-core (Devanagari, Thai and others) to see them. Without a report it also
# needs Java 17 and Maven (./grader builds the CLI when needed). Nothing is fetched from the network: the page is
# self-contained and Chromium runs with its background networking off.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
chromium="${CHROMIUM:-chromium}"
command -v "$chromium" >/dev/null 2>&1 || {
  echo "render-report.sh: $chromium not found; install it: apt-get install -y chromium" >&2
  exit 2
}

if [ $# -ge 1 ]; then
  report="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
else
  work="$root/target/render-report"
  rm -rf "$work/out" "$work/cohort"
  mkdir -p "$work"
  "$root/grader" --version >/dev/null   # builds the CLI jar when it is missing or stale
  java -cp "$root/grader-cli/target/grader.jar" "$root/bench/SyntheticCohort.java" "$work/cohort" 40 7 >&2
  printf 'Q1\n\x00binary\n' > "$work/cohort/broken.md"
  # Names in other scripts, with the answers of the first synthetic candidates.
  i=0
  for name in 王小明 佐藤花子 김민준 'Алексей Иванов' 'محمد علي' 'प्रिया शर्मा'; do
    i=$((i + 1))
    cp "$(ls "$work/cohort"/cand-*.md | sed -n "${i}p")" "$work/cohort/$name.md"
  done
  "$root/grader" batch "$work/cohort" -o "$work/out" --no-progress >&2 || [ $? -eq 1 ]
  report="$work/out/report.html"
fi
[ -f "$report" ] || { echo "render-report.sh: no such report: $report" >&2; exit 2; }

if command -v fc-list >/dev/null 2>&1; then
  for script in zh:fonts-noto-cjk hi:fonts-noto-core; do
    if [ -z "$(fc-list ":lang=${script%%:*}" family 2>/dev/null)" ]; then
      echo "render-report.sh: warning: no font for lang ${script%%:*} on this machine: such names show as" \
        "boxes; apt-get install -y ${script#*:}" >&2
    fi
  done
fi

shots="$(dirname "$report")/screenshots"
profile="$(mktemp -d "${TMPDIR:-/tmp}/render-report-chromium.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$shots"

shoot() { # shoot NAME WIDTH HEIGHT URL
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$2,$3" --virtual-time-budget=5000 \
    --screenshot="$shots/$1.png" "$4" >/dev/null 2>&1
  echo "$shots/$1.png"
}

# Headless Chromium paints nothing when it scrolls to a #fragment for --screenshot, so the details view is a copy
# of the page with only the candidates' section shown and the best candidate's details open.
first="$(awk -F, 'NR == 2 {print $3}' "$(dirname "$report")/summary.csv")"
details_page="$shots/.details.html"
sed -e 's|</head>|<style>main > :not(#candidates) { display: none; }</style></head>|' \
    -e "s|<details class=\"candidate\" id=\"c-$first\">|<details class=\"candidate\" id=\"c-$first\" open>|" \
    "$report" > "$details_page"
shoot overview 1280 2000 "file://$report"
shoot details 1280 2000 "file://$details_page"
shoot narrow 420 1600 "file://$report"
rm -f "$details_page"
