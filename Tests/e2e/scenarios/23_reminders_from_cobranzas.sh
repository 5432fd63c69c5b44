# Recordatorios by keys: finanzas opens Cobranzas on the demo, `R` shows the standard policy, the preview of a
# level for a real customer and what goes out today; `h` on the oldest row opens its customer's reminders,
# where `m` records a promise to pay for a week (stored, so the next run holds the customer back).
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"

start --user finanzas tui
press 2 ]
expect_screen "Cobranzas   /" "no se abrió Cobranzas"
press R
expect_screen "Recordatorios de cobranza" "no se abrió la política de recordatorios"
expect_screen "Política Estándar" "no se ve la política estándar"
expect_line "−3" "Próximo vencimiento" "no se ve el nivel −3 por correo"
expect_screen "Vista previa para" "no se ve la vista previa"
press Down
expect_screen "plantilla recordatorio_vencimiento" "no se ve la vista previa de WhatsApp"
press Escape
expect_screen "Cobranzas   /" "no se volvió a Cobranzas"
press h
expect_screen "Recordatorios — " "no se abrieron los recordatorios del cliente"
expect_screen "Estado: activos" "no se ve el estado del cliente"
press m
expect_screen "Estado: promesa de pago hasta" "no se registró la promesa"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM reminder_customer WHERE promise_until IS NOT NULL;")" = "2" ] || fail "no se guardó la promesa"
finish
