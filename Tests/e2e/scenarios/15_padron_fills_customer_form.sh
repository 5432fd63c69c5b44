# Issue 10: a padrón generated and imported with the real binary fills the new customer form. Typing a
# RUC that is in it and leaving the field (Tab) puts the razón social from the padrón on screen, with
# the status line "Datos del padrón SUNAT".
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"
"$BYTEK" --db "$DB" padron generate "$WORK/padron.txt" --lines 200 >/dev/null 2>&1 || fail "padron generate"
"$BYTEK" --db "$DB" --user admin padron import "$WORK/padron.txt" >/dev/null 2>&1 || fail "padron import"

# The file is SUNAT's: Latin-1, "|"-separated, RUC first, razón social second, estado, condición.
# Take an ACTIVO and HABIDO taxpayer (no warning on the status line) whose name is plain ASCII.
row=$(iconv -f LATIN1 -t UTF-8 "$WORK/padron.txt" | awk -F'|' \
  'length($1) == 11 && $1 ~ /^[0-9]+$/ && $3 == "ACTIVO" && $4 == "HABIDO" && $2 ~ /^[A-Za-z0-9 .,&-]+$/ { print $1 "|" $2; exit }')
[ -n "$row" ] || fail "no hay un contribuyente ACTIVO y HABIDO en el padrón generado"
ruc=${row%%|*}
name=${row#*|}
# The CLI agrees that the RUC is in the imported padrón.
"$BYTEK" --db "$DB" --user admin padron show "$ruc" 2>/dev/null | grep -F "$name" >/dev/null \
  || fail "bytek padron show $ruc no muestra «$name»"
# The form's field may cut a long name: look for its first 24 characters.
shown=${name:0:24}

start --user admin tui
expect_screen "Clientes" "la pantalla de clientes no aparece"
press n
expect_screen "Nuevo cliente" "no se abrió el formulario"
press Tab
type_into "Número de documento" "$ruc"
press Tab
expect_screen "Datos del padrón SUNAT" "la línea de estado no dice que se usó el padrón"
expect_line "Razón social" "$shown" "la razón social del padrón no aparece en su campo"
press C-s
expect_screen "Cliente guardado" "no se guardó el cliente llenado desde el padrón"
expect_screen "$shown" "el cliente no aparece en la lista"
finish
