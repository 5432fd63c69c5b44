# A half-typed customer survives a killed terminal: the next start offers the draft back.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"
BYTEK_USER=admin "$BYTEK" --db "$DB" user add ventas --name "Renzo Paredes" --role ventas >/dev/null || fail "user add"

start --user ventas tui
keys n
expect_screen "Nuevo cliente" "no se abrió el formulario"
keys Tab
type_text "20555123451"
keys Tab
type_text "Distribuidora Borrador del Sur S.A.C."
sleep 0.3
pid=$(app_pid)
[ -n "$pid" ] || fail "no encontré el proceso de bytek"
kill -9 "$pid"
sleep 0.3

start --user ventas tui
keys n
expect_screen "borrador sin guardar" "no se ofreció el borrador"
keys s
expect_screen "Distribuidora Borrador del Sur S.A.C." "el borrador no recuperó la razón social"
expect_screen "20555123451" "el borrador no recuperó el RUC"
keys C-s
expect_screen "Cliente guardado" "no se pudo guardar el borrador recuperado"
finish
