# Typing in a form the way a user does: a Tab inside pasted text stays in the field (typed in one
# burst, or pasted with the terminal's bracketed paste); a phone field takes only digits, spaces,
# + - ( ); a number field with a default ("0") is replaced by the first digit typed (45, not 045).
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add"

start --user admin tui
expect_screen "Clientes" "la pantalla de clientes no aparece"
press n
expect_screen "Nuevo cliente" "no se abrió el formulario"
press Tab
type_into "Número de documento" "20100047218"
press Tab
expect_focus "Razón social"
# Pasted without bracketed paste: the whole text arrives at once, Tab included.
tmux send-keys -t "$SESSION" -l $'Alfa\tIngenieros'
type_into "Razón social" " SAC" "Alfa Ingenieros SAC"
press Tab
expect_focus "Nombre comercial"
# Pasted with the terminal's bracketed paste (ESC [200~ … ESC [201~).
tmux set-buffer -b "e2e$$" $'Alfa\tDos'
tmux paste-buffer -p -b "e2e$$" -t "$SESSION"
expect_line "› Nombre comercial" "Alfa Dos" "el texto pegado no quedó en el nombre comercial"
press Tab Tab Tab Tab Tab Tab
type_into "Teléfono" "+51 (01) 555-1234 anexo 9" "555-1234  9"  # the field scrolls: its end shows
press Tab Tab
type_into "Días de crédito" "45"
press C-s
expect_screen "Cliente guardado" "no se guardó el cliente"
row=$(sqlite3 -separator '|' "$DB" "SELECT legal_name, trade_name, phone, credit_days FROM customer")
[ "$row" = "Alfa Ingenieros SAC|Alfa Dos|+51 (01) 555-1234  9|45" ] || fail "valores guardados: '$row'"
expect_screen "45 días" "la lista no muestra los 45 días de crédito"
finish
