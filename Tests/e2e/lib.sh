# Helpers for end-to-end scripts: start the real binary in tmux, type, read the screen.
# Each scenario sources this file; $BYTEK is the binary, $WORK a fresh temp folder.
set -uo pipefail

SESSION="bytek-e2e-$$-$RANDOM"
FAILED=0

# start ARGS... : runs "$BYTEK ARGS" in a detached tmux session of 120x40 (override with COLS/ROWS).
start() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x "${COLS:-120}" -y "${ROWS:-40}" -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" \
    -e "BYTEK_THEMES_DIR=$THEMES" -e "HOME=$WORK" "$BYTEK $* ; echo __EXIT_\$?__; sleep 30"
  wait_for "BYTEK" 10 || fail "la aplicación no mostró su primera pantalla"
}

# keys KEY... : tmux send-keys (names like Enter, Escape, C-s, Down, or literal text with -l).
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.15; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; sleep 0.15; }

screen() { tmux capture-pane -t "$SESSION" -p; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() {
  local text="$1" limit="${2:-5}" i=0
  while [ $i -lt $((limit * 10)) ]; do
    screen | grep -qF -- "$text" && return 0
    sleep 0.1; i=$((i + 1))
  done
  return 1
}

# expect_screen TEXT MESSAGE: fails the scenario (with the screen dump) when TEXT does not show up.
expect_screen() {
  wait_for "$1" "${3:-5}" || fail "$2 (no aparece: '$1')"
}

expect_no_screen() {
  sleep 0.3
  screen | grep -qF -- "$1" && fail "$2 (aparece: '$1')"
  return 0
}

fail() {
  echo "FALLO: $*" >&2
  echo "----- pantalla -----" >&2
  screen >&2 || true
  echo "--------------------" >&2
  FAILED=1
  finish
}

# pid of the bytek process running in the session's pane.
app_pid() {
  local shell_pid
  shell_pid=$(tmux display-message -p -t "$SESSION" '#{pane_pid}')
  pgrep -P "$shell_pid" -f "$(basename "$BYTEK")" | head -1
}

finish() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  exit $FAILED
}
