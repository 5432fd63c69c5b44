# Below 80x24 the program asks for a bigger window; enlarged, it draws the screen at once.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add"
COLS=70 ROWS=20
tmux new-session -d -s "$SESSION" -x 70 -y 20 -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" "$BYTEK --user admin tui; sleep 30"
expect_screen "Ventana muy pequeña" "no pidió una ventana más grande"
tmux resize-window -t "$SESSION" -x 100 -y 30
expect_screen "Clientes" "no redibujó al agrandar la ventana"
expect_no_screen "Ventana muy pequeña" "el aviso quedó en pantalla"
finish
