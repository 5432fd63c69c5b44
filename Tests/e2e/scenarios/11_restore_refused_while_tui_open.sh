# `bytek restore` while the TUI has the database open refuses and names it; a customer saved in the TUI
# after the backup is still there. Once the TUI is closed the restore goes through. Files are 0600.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"
"$BYTEK" --db "$DB" --user admin backup "$WORK/copia.sqlite" >/dev/null || fail "backup"
[ "$(stat -c %a "$WORK/copia.sqlite")" = 600 ] || fail "el respaldo no es 0600"

start --user admin tui
press n
expect_screen "Nuevo cliente" "no se abrió el formulario"
press Tab
type_into "Número de documento" "20555123451"
press Tab
type_into "Razón social" "Guardado Durante El Respaldo S.A.C."
press C-s
expect_screen "Cliente guardado" "no se guardó el cliente"
pid=$(app_pid)
[ -n "$pid" ] || fail "no encontré el proceso de bytek"

"$BYTEK" --db "$DB" --user admin restore "$WORK/copia.sqlite" >"$WORK/r.out" 2>"$WORK/r.err"
[ $? -eq 1 ] || fail "restore no se negó con la interfaz abierta"
grep -qF "PID $pid" "$WORK/r.err" || fail "restore no nombró el proceso de la interfaz: $(cat "$WORK/r.err")"
"$BYTEK" --db "$DB" --user admin export customers | grep -F "Guardado Durante El Respaldo" >/dev/null \
  || fail "se perdió el cliente guardado en la interfaz"

press q
expect_screen "__EXIT_0__" "la interfaz no terminó con q"
"$BYTEK" --db "$DB" --user admin restore "$WORK/copia.sqlite" >/dev/null 2>"$WORK/r2.err" \
  || fail "restore falló con la interfaz cerrada: $(cat "$WORK/r2.err")"
"$BYTEK" --db "$DB" --user admin export customers | grep -F "Guardado Durante El Respaldo" >/dev/null \
  && fail "el respaldo restaurado todavía tiene el cliente posterior"
[ "$(stat -c %a "$DB")" = 600 ] || fail "la base restaurada no es 0600"
finish
