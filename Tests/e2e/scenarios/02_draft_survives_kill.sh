# A half-typed customer survives a killed terminal: the next start offers the draft back.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"
BYTEK_USER=admin "$BYTEK" --db "$DB" user add ventas --name "Renzo Paredes" --role ventas >/dev/null || fail "user add"

start --user ventas tui
press n
expect_screen "Nuevo cliente" "no se abrió el formulario"
press Tab
type_into "Número de documento" "20555123451"
press Tab
type_into "Razón social" "Distribuidora Borrador del Sur S.A.C."
# Each change is written to the draft while the key is handled, before the screen shows it.
expect_screen "borrador guardado" "no dijo que guardó el borrador"
pid=$(app_pid)
[ -n "$pid" ] || fail "no encontré el proceso de bytek"
kill -9 "$pid"
expect_screen "__EXIT_" "bytek no terminó al matarlo"

start --user ventas tui
press n
expect_screen "borrador sin guardar" "no se ofreció el borrador"
press s
expect_screen "Distribuidora Borrador del Sur S.A.C." "el borrador no recuperó la razón social"
expect_screen "20555123451" "el borrador no recuperó el RUC"
press C-s
expect_screen "Cliente guardado" "no se pudo guardar el borrador recuperado"
finish
