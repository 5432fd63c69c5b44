# Cards from Cobranzas: finanzas finds the demo's customer whose automatic card charge was declined, opens its
# cards and charges with `t` (the saved card, the declined attempt with the bank's reason and the retry day),
# asks to charge now with `c` and answers no: nothing is charged.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"

start --user finanzas tui
press 2 ]
expect_screen "Cobranzas   /" "no se abrió Cobranzas"
press /
type_shown "Colegio Se"
press Enter
expect_line "F001-4" "Colegio" "no se ve la factura del colegio"
press t
expect_screen "Tarjetas y cobros · Colegio Señor de Sipán S.A.C." "no se abrieron las tarjetas del cliente"
expect_screen "MASTERCARD •••• 0067" "no se ve la tarjeta guardada"
expect_line "Rechazado" "Fondos insuficientes (51)" "no se ve el cobro rechazado con su motivo"
press c
expect_screen "¿Cobrar" "no se pidió confirmar el cobro"
press n
expect_screen "Cancelado: no se cobró nada." "no se canceló el cobro"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM card_charge;")" = "2" ] || fail "se creó un intento de cobro"
finish
