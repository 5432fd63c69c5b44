# Helpers for end-to-end scripts: start the real binary in tmux, type, read the screen.
# Each scenario sources this file; $BYTEK is the binary, $WORK a fresh temp folder.
set -uo pipefail

SESSION="bytek-e2e-$$-$RANDOM"
FAILED=0

# Each scenario runs its own tmux server (socket in $WORK, no user configuration): scenarios run at the
# same time (other checkouts, CI jobs) never share the default server, whose exit when its last session
# ends makes a concurrent new-session fail with "server exited unexpectedly".
tmux() { command tmux -f /dev/null -S "$WORK/tmux.sock" "$@"; }

# start ARGS... : runs "$BYTEK ARGS" in a detached tmux session of 120x40 (override with COLS/ROWS).
start() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x "${COLS:-120}" -y "${ROWS:-40}" -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" \
    -e "BYTEK_THEMES_DIR=$THEMES" -e "HOME=$WORK" "$BYTEK $* ; echo __EXIT_\$?__; sleep 30"
  wait_for "BYTEK" || fail "la aplicación no mostró su primera pantalla"
}

# keys KEY... : tmux send-keys (names like Enter, Escape, C-s, Down, or literal text with -l), then a
# short pause. Under load the pause proves nothing: prefer `press` and a wait (see below).
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.15; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; sleep 0.15; }

screen() { tmux capture-pane -t "$SESSION" -p; }

# How long a wait gives the program before the scenario fails, in seconds. Generous on purpose: on a
# loaded 2-core CI machine a frame can take seconds; a passing scenario never waits that long.
E2E_TIMEOUT="${E2E_TIMEOUT:-20}"

# on_screen TEXT: whether the screen shows TEXT now (fixed string). The screen is read whole first:
# `screen | grep -q` under pipefail fails when grep closes the pipe before tmux has written it all.
on_screen() {
  local shown
  shown=$(screen 2>/dev/null) || return 1
  [[ "$shown" == *"$1"* ]]
}

# wait_until SECONDS COMMAND...: runs COMMAND until it succeeds (every 50 ms), at most SECONDS of
# wall-clock time (the number of polls would stretch under load).
wait_until() {
  local limit="$1"; shift
  local deadline=$((SECONDS + limit + 1))
  while :; do
    "$@" && return 0
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() { wait_until "${2:-$E2E_TIMEOUT}" on_screen "$1"; }

# expect_screen TEXT MESSAGE: fails the scenario (with the screen dump) when TEXT does not show up.
expect_screen() {
  wait_for "$1" "${3:-$E2E_TIMEOUT}" || fail "$2 (no aparece: '$1')"
}

# expect_no_screen TEXT MESSAGE: TEXT is not on the screen (checked after a short pause). A negative
# check proves little if the keys before it were not handled yet: wait for what they show first.
expect_no_screen() {
  sleep 0.3
  on_screen "$1" && fail "$2 (aparece: '$1')"
  return 0
}

# --- Keys that wait for the screen (robust under load) ---------------------------------------------
# Keys reach the program through the terminal's buffer and are handled in order, so a key is never
# lost; what goes wrong under load is *when* they are read: a Tab read while typed characters are
# still waiting behind it looks like part of a paste (PasteDetector) and stays in the field as a
# space. So: after typing, wait until the screen shows the text before pressing Tab; after a key that
# opens a form or moves the focus, wait until the screen shows it before typing.

# press KEY... : tmux send-keys without the pause of `keys`: follow it with a wait for what it shows.
press() { tmux send-keys -t "$SESSION" "$@"; }

# line_with A [B]: whether one line of the screen holds A (and B after it, when given).
line_with() {
  local shown line
  shown=$(screen 2>/dev/null) || return 1
  while IFS= read -r line; do
    [[ "$line" == *"$1"* ]] || continue
    [ $# -lt 2 ] && return 0
    [[ "${line#*"$1"}" == *"$2"* ]] && return 0
  done <<<"$shown"
  return 1
}

# expect_line A B MESSAGE [SECONDS]: until one line shows A and then B (e.g. a row and its state).
expect_line() {
  wait_until "${4:-$E2E_TIMEOUT}" line_with "$1" "$2" || fail "$3 (no hay una línea con '$1' y '$2')"
}

# expect_gone TEXT MESSAGE [SECONDS]: until TEXT is no longer on the screen (a dialog closed).
not_on_screen() { ! on_screen "$1"; }
expect_gone() {
  wait_until "${3:-$E2E_TIMEOUT}" not_on_screen "$1" || fail "$2 (sigue en pantalla: '$1')"
}

# expect_focus LABEL [MESSAGE]: until the form's focus marker (›) stands before the field LABEL.
expect_focus() {
  wait_until "$E2E_TIMEOUT" line_with "› $1" || fail "${2:-el foco no llegó al campo '$1'} (no aparece: '› $1')"
}

# type_into LABEL TEXT [SHOWN]: waits for the focus on the field LABEL, types TEXT and waits until that
# field's line shows SHOWN (default TEXT; give it when the field shows the text otherwise, e.g.
# filtered or formatted), so a key pressed next is read as a key of its own.
type_into() {
  expect_focus "$1" "el foco no está en '$1' para escribir '$2'"
  tmux send-keys -t "$SESSION" -l "$2"
  wait_until "$E2E_TIMEOUT" line_with "› $1" "${3:-$2}" \
    || fail "el campo '$1' no muestra lo escrito (no hay una línea con '› $1' y '${3:-$2}')"
}

# type_shown TEXT [SHOWN]: types TEXT where the focus is and waits until the screen shows SHOWN
# (default TEXT): for a search box or a field without a label.
type_shown() {
  tmux send-keys -t "$SESSION" -l "$1"
  expect_screen "${2:-$1}" "no se ve lo escrito"
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
