# A warehouse clerk (almacén) sees customers but cannot create or edit them.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"
BYTEK_USER=admin "$BYTEK" --db "$DB" user add almacen --name "Yesenia Condori" --role almacen >/dev/null || fail "user add almacen"
printf 'tipo_doc,numero_doc,razon_social,distrito\nRUC,20100047218,Comercial Andina S.A.C.,Lince\n' > "$WORK/c.csv"
"$BYTEK" --db "$DB" --user admin import customers "$WORK/c.csv" >/dev/null || fail "import"

start --user almacen tui
expect_screen "Comercial Andina S.A.C." "el almacenero no ve la lista de clientes"
press Enter
expect_screen "no tiene permiso" "se permitió editar a un rol sin permiso"
expect_no_screen "Editar cliente" "se abrió el formulario de edición"
# The next key clears the message: wait until it is gone, so the one after n is n's own answer.
press Down
expect_gone "no tiene permiso" "el aviso no se borró con la tecla siguiente"
press n
expect_screen "no tiene permiso" "se permitió crear a un rol sin permiso"
expect_no_screen "Nuevo cliente" "se abrió el formulario nuevo"
finish
