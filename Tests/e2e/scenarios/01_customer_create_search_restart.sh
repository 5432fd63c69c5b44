# A new customer with a wrong RUC is refused with the reason; corrected, it saves; "/" finds it
# without typing accents; after quitting and starting again it is still there.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"

start --user admin tui
expect_screen "Clientes" "la pantalla de clientes no aparece"
keys n
expect_screen "Nuevo cliente" "no se abrió el formulario"
keys Tab
type_text "20100047219"
keys Tab
type_text "Núñez Ingenieros del Perú S.A.C."
keys C-s
expect_screen "dígito verificador" "no se explicó el RUC inválido"
# The focus is back on the RUC: clear it and type the right one.
keys C-u
type_text "20100047218"
keys C-s
expect_screen "Cliente guardado" "no se guardó el cliente corregido"
expect_screen "Núñez Ingenieros del Perú" "el cliente no aparece en la lista"
keys /
type_text "nunez inge"
expect_screen "1 fila" "la búsqueda sin tildes no encontró al cliente"
keys Enter
keys q
expect_screen "__EXIT_0__" "la aplicación no terminó con q"

start --user admin tui
expect_screen "Núñez Ingenieros del Perú S.A.C." "el cliente no sigue allí al volver a entrar"
expect_screen "20100047218" "el RUC no se guardó"
finish
