# Twenty digits typed as a quote line's quantity: before the amount limits, the live preview trapped on an
# arithmetic overflow (TaxEngine.igvOf) and the terminal was left to the shell. Now a sentence beside the
# field, the program keeps running, and nothing is saved.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"

start --user admin tui
keys 1
keys ]
keys ]
expect_screen "Cotizaciones   /" "no se abrió Cotizaciones"
keys n
keys A
expect_screen "Descripción" "no se abrió el formulario de la línea"
keys Tab
type_text "Servidor de prueba"
keys Tab C-u
type_text "99999999999999999999"
keys Tab
type_text "2500"
keys C-s
expect_screen "La cantidad supera el máximo permitido" "no se explicó la cantidad fuera de límite"
expect_no_screen "__EXIT_" "la aplicación terminó"
keys Escape
sleep 0.3
[ "$(sqlite3 "$DB" "SELECT count(*) FROM quote_line;")" = "0" ] || fail "se guardó una línea"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM form_draft WHERE fields_json LIKE '%99999999999999999999%';")" = "0" ] \
  || fail "un borrador guardó la cantidad fuera de límite"
finish
