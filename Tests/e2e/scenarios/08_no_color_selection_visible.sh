# With NO_COLOR=1 (at 100×30, no detail pane beside the list) the screen has no colour at all, and the selected row still stands out in
# reverse video (as in the monochrome theme): a user without colours sees where they are.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add"
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sqlite3 "$DB" "INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES
  ('RUC','20100047218','Alfa Ingenieros S.A.C.','$now','$now'), ('RUC','20601457891','Beta Servicios E.I.R.L.','$now','$now');" \
  || fail "no se pudieron insertar los clientes"

tmux new-session -d -s "$SESSION" -x 100 -y 30 -e LANG=C.UTF-8 -e "BYTEK_DB=$DB" -e "BYTEK_THEMES_DIR=$THEMES" \
  -e "HOME=$WORK" -e NO_COLOR=1 "$BYTEK --user admin tui; echo __EXIT_\$?__; sleep 30"
expect_screen "Beta Servicios" "la lista de clientes no aparece"
colored=$(tmux capture-pane -t "$SESSION" -p -e)
# No foreground/background colour at all (SGR 30–38, 40–48, 90–97, 100–107; 39/49 are "default").
if printf '%s' "$colored" | grep -qP '\e\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'; then
  fail "con NO_COLOR la pantalla usa colores"
fi
row_of() { printf '%s\n' "$colored" | grep -F "$1" | head -1; }
reverse='\e\[([0-9]*;)*7(;[0-9]*)*m'
# Sorted by name: Alfa is the first row and selected; Beta is not.
row_of "Alfa Ingenieros" | grep -qP "${reverse}[^\e]*Alfa Ingenieros|${reverse}.*Alfa" \
  || fail "la fila seleccionada no está en vídeo inverso: $(row_of 'Alfa Ingenieros' | cat -v)"
row_of "Beta Servicios" | grep -qP "$reverse" && fail "una fila no seleccionada está en vídeo inverso"
press Down
# The screen changes when Down is handled, a moment later under load: read it until Beta is selected.
beta_selected() { colored=$(tmux capture-pane -t "$SESSION" -p -e); row_of "Beta Servicios" | grep -qP "$reverse"; }
wait_until "$E2E_TIMEOUT" beta_selected || fail "al bajar, la nueva selección no se ve"
row_of "Alfa Ingenieros" | grep -qP "$reverse" && fail "la selección anterior sigue marcada"
finish
