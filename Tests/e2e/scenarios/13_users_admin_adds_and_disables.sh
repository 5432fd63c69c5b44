# Usuarios: an admin adds a user with a role from the TUI and disables it; the new user, a non-admin,
# sees neither Administración nor Usuarios; once disabled it cannot open the program.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"

start --user admin tui
expect_screen "1 Comercial: Clientes  Ventas  Cotizaciones  Catálogo" "la barra superior no muestra los grupos"
press 4
expect_screen "4 Administración: Usuarios  Auditoría  Tareas" "4 no abrió Administración"
expect_screen "Último ingreso" "no se abrió Usuarios"
press n
expect_screen "Nuevo usuario" "no se abrió el formulario de usuario"
type_into "Usuario (login)" "lquispe"
press Tab
type_into "Nombre" "Luis Quispe Ñaupari"
press Tab Right  # ventas → finanzas
expect_line "› Rol" "finanzas" "no se eligió el rol finanzas"
press C-s
expect_screen "Usuario lquispe guardado (finanzas)" "no se guardó el usuario"
press G a
expect_screen "¿Deshabilitar a lquispe?" "no preguntó antes de deshabilitar"
press s
expect_screen "Usuario lquispe deshabilitado" "no se deshabilitó"
press Home a s
expect_screen "admin es el último admin activo" "el único admin pudo deshabilitarse"
press q
wait_for "__EXIT_0__" || fail "no salió"

"$BYTEK" --db "$DB" --user admin user list | grep "lquispe.*finanzas" >/dev/null || fail "la lista de usuarios no tiene a lquispe (finanzas)"
"$BYTEK" --db "$DB" --user lquispe tui 2>"$WORK/err" && fail "un usuario deshabilitado abrió el programa"
grep -q "deshabilitado" "$WORK/err" || fail "no dijo que el usuario está deshabilitado"
BYTEK_USER=admin "$BYTEK" --db "$DB" user enable lquispe >/dev/null || fail "enable"

start --user lquispe tui
expect_screen "1 Comercial" "finanzas no ve su barra"
expect_screen "2 Finanzas" "finanzas no ve Finanzas"
press 4
expect_screen "4 Administración: Auditoría" "finanzas no ve Auditoría en Administración"
expect_no_screen "Usuarios" "un rol no admin ve Usuarios"
finish
