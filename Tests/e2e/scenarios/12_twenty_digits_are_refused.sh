# Twenty digits typed as a quote line's quantity: before the amount limits, the live preview trapped on an
# arithmetic overflow (TaxEngine.igvOf) and the terminal was left to the shell. Now a sentence beside the
# field, the program keeps running, and nothing is saved.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"

start --user admin tui
press 1 ] ]
expect_screen "Cotizaciones   /" "no se abrió Cotizaciones"
press n
expect_screen "Cotización nueva" "no se abrió el cotizador"
press A
# (not "Descripción": the builder's own table has that heading, so it would not show that A was read)
expect_screen "Nueva línea" "no se abrió el formulario de la línea"
expect_focus "Tipo"
press Tab
type_into "Descripción" "Servidor de prueba"
press Tab
expect_focus "Cantidad"
press C-u
# The field shows only the end of twenty digits, so the screen cannot tell they were all read: Ctrl-E
# (cursor to the end, where it is) is a key that is not typed text, so the Tab after it stays a Tab.
type_into "Cantidad" "99999999999999999999" "…9999999999"
press C-e Tab
type_into "Precio unitario" "2500"
press C-s
expect_screen "La cantidad supera el máximo permitido" "no se explicó la cantidad fuera de límite"
expect_no_screen "__EXIT_" "la aplicación terminó"
press Escape
expect_gone "La cantidad supera el máximo permitido" "Esc no cerró la línea"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM quote_line;")" = "0" ] || fail "se guardó una línea"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM form_draft WHERE fields_json LIKE '%99999999999999999999%';")" = "0" ] \
  || fail "un borrador guardó la cantidad fuera de límite"
finish
