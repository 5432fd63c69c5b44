# A quote's PDF by e-mail from the builder: ventas opens a demo quote, presses m, finds the customer's contact
# prefilled, adds an address, sends; the message is queued for the worker and shows on the customer (M in Clientes).
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo --no-invoices >/dev/null || fail "demo"
num=$(sqlite3 "$DB" "SELECT q.number FROM quote q JOIN customer c ON c.id = q.customer_id
  WHERE c.legal_name = 'Restaurante Pacífico S.R.L.' ORDER BY q.id LIMIT 1;")
contact=$(sqlite3 "$DB" "SELECT k.email FROM customer_contact k JOIN customer c ON c.id = k.customer_id
  WHERE c.legal_name = 'Restaurante Pacífico S.R.L.' AND k.email <> '' ORDER BY k.id LIMIT 1;")
[ -n "$num" ] && [ -n "$contact" ] || fail "la demo no tiene una cotización del Restaurante Pacífico con un contacto"

start --user ventas tui
press 1 "]" "]"
expect_screen "Cotizaciones   /" "no se abrió Cotizaciones"
press /
type_shown "Pacífico"
press Enter
expect_line "$num" "Restaurante" "no se ve la cotización del Restaurante Pacífico"
press Enter
expect_screen "Cotización $num v1" "no se abrió la cotización"
press m
expect_screen "Enviar cotización por correo" "no se abrió el envío por correo"
expect_screen "› $contact" "no se propuso el correo del contacto"
type_text ", compras@pacifico.pe"
press Enter
expect_screen "Cotización $num v1 en cola para $contact" "no se puso en cola el correo"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM customer_message m JOIN job j ON j.idempotency_key = 'mensaje.enviar:' || m.id
    WHERE m.reference = '$num v1' AND m.attachments LIKE '%cotizacion_pdf%'
    AND m.recipients LIKE '%compras@pacifico.pe%';")" = "1" ] || fail "no se guardó el mensaje con su trabajo"
press Escape
press "[" "["
expect_screen "Clientes   /" "no se volvió a Clientes"
press /
type_shown "Restaurante Pacífico"
press Enter M
expect_screen "Mensajes de Restaurante Pacífico S.R.L." "no se abrió el panel de mensajes"
expect_line "Cotización" "$num v1" "no se ve el correo de la cotización"
expect_line "$num v1" "Pendiente" "el correo no figura pendiente"
finish
