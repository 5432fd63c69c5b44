# Clientes exported, edited outside (a phone), imported back from the TUI with I: the preview names the
# changed column, nothing is saved before "Sí", and afterwards the customer shows the new phone.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"
printf 'tipo_doc,numero_doc,razon_social,telefono,contacto1_nombre,contacto1_correo\nRUC,20100047218,Comercial Andina S.A.C.,014441234,Ana Núñez,ana@andina.pe\n' > "$WORK/c.csv"
"$BYTEK" --db "$DB" --user admin import customers "$WORK/c.csv" >/dev/null || fail "import"
"$BYTEK" --db "$DB" --user admin export customers "$WORK/export.csv" >/dev/null || fail "export"
sed 's/014441234/017778888/' "$WORK/export.csv" > "$WORK/editado.csv"

start --user admin tui
expect_screen "Comercial Andina S.A.C." "la lista de clientes no aparece"
keys I
expect_screen "Importar CSV" "no se abrió el diálogo de importación"
type_text "$WORK/editado.csv"
keys Enter
expect_screen "actualizado: telefono" "la vista previa no nombra la columna cambiada"
expect_no_screen "017778888" "se guardó antes de confirmar"
keys s
expect_screen "Importado editado.csv" "no se importó al confirmar"
expect_screen "017778888" "el cliente no muestra el teléfono nuevo"
expect_screen "Ana Núñez" "se perdió el contacto"
finish
