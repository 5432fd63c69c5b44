# A terminal that cannot move the cursor (TERM=dumb) gets a clear Spanish message and exit
# status 1, not a blank screen; an unknown TERM too.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add"

tmux new-session -d -s "$SESSION" -x 120 -y 40 -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" -e "HOME=$WORK" \
  "env TERM=dumb $BYTEK --user admin tui; echo __EXIT_\$?__; sleep 30"
expect_screen "__EXIT_1__" "con TERM=dumb no terminó con estado 1"
expect_screen "no puede mover el cursor" "con TERM=dumb no explicó el problema"
expect_screen "TERM=xterm-256color" "con TERM=dumb no dijo qué terminal usar"
tmux kill-session -t "$SESSION"

tmux new-session -d -s "$SESSION" -x 120 -y 40 -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" -e "HOME=$WORK" \
  "env TERM=no-existe-9000 $BYTEK --user admin tui; echo __EXIT_\$?__; sleep 30"
expect_screen "__EXIT_1__" "con un TERM desconocido no terminó con estado 1"
expect_screen "no-existe-9000" "con un TERM desconocido no lo nombró"
finish
