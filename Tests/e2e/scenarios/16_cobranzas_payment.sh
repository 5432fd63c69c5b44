# Cobranzas by keys: finanzas opens the open receivables of the demo, filters by a customer, records a
# transfer with `p` on its factura (the form suggests the factura), and sees its balance drop in the list.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"

start --user finanzas tui
press 2 ]
expect_screen "Cobranzas   /" "no se abrió Cobranzas"
expect_screen "Antigüedad" "no se ve la antigüedad al pie"
press /
type_shown "Constructora Huanca"
press Enter
expect_line "F001-5" "1,003.00" "no se ve la factura de Constructora Huancaína con su saldo"
press p
expect_screen "Pago de Constructora Huancaína E.I.R.L." "no se abrió el formulario de pago"
expect_focus "Fecha"
press Tab Tab Tab
type_into "N.º de operación" "88001234"
press Tab
type_into "Importe" "300"
expect_line "[x] F001-5" "300.00" "no se sugirió la factura para el pago"
expect_screen "Aplicado: S/ 300.00" "no se ve lo aplicado"
press C-s
expect_screen "Pago de S/ 300.00 de Constructora Huancaína E.I.R.L. registrado" "no se registró el pago"
expect_line "F001-5" "703.00" "el saldo de la factura no bajó"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM payment WHERE operation_number = '88001234';")" = "1" ] || fail "no se guardó el pago"
finish
