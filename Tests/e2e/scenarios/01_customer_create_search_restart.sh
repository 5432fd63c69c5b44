# A new customer with a wrong RUC is refused with the reason; corrected, it saves; "/" finds it
# without typing accents; after quitting and starting again it is still there.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"

start --user admin tui
expect_screen "Clientes" "la pantalla de clientes no aparece"
press n
expect_screen "Nuevo cliente" "no se abrió el formulario"
press Tab
type_into "Número de documento" "20100047219"
press Tab
type_into "Razón social" "Núñez Ingenieros del Perú S.A.C."
press C-s
expect_screen "dígito verificador" "no se explicó el RUC inválido"
# The focus is back on the RUC: clear it and type the right one.
expect_focus "Número de documento" "el foco no volvió al RUC"
press C-u
type_into "Número de documento" "20100047218"
press C-s
expect_screen "Cliente guardado" "no se guardó el cliente corregido"
expect_screen "Núñez Ingenieros del Perú" "el cliente no aparece en la lista"
press /
type_shown "nunez inge"
expect_screen "1 fila" "la búsqueda sin tildes no encontró al cliente"
press Enter
press q
expect_screen "__EXIT_0__" "la aplicación no terminó con q"

start --user admin tui
expect_screen "Núñez Ingenieros del Perú S.A.C." "el cliente no sigue allí al volver a entrar"
expect_screen "20100047218" "el RUC no se guardó"
finish
