# Sales by keys only: a new lead on the U2 board, moved to "Cotización" and converted into a customer (RUC
# checked); a quote for it with a product, service hours and a subscription; sent, a v2, accepted (the deal
# is won); its PDF and its contract PDF (recorded once).
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo --no-invoices >/dev/null || fail "demo"

start --user ventas tui
press 1 "]"  # Comercial, then its second tab: Ventas
expect_screen "Ventas · U1" "no se abrió el tablero de ventas"
press u
expect_screen "Ventas · U2 Software" "no cambió a la unidad U2"
press n
expect_screen "Nueva oportunidad" "no se abrió el formulario de oportunidad"
type_into "Título" "Sistema de inventarios Ñandú"
press Tab Tab Tab
type_into "Prospecto" "Ñandú Distribuciones S.A.C."
press Tab Right
expect_line "› Documento" "RUC" "no se eligió RUC como documento del prospecto"
press Tab
type_into "Número" "20555123451"
press Tab Tab Tab
type_into "Valor estimado" "45000"
press C-s
expect_screen "Oportunidad guardada: Sistema de inventarios Ñandú" "no se guardó la oportunidad"
press '>' '>' '>'
expect_screen "→ Cotización" "la oportunidad no avanzó tres etapas en pantalla"
sqlite3 "$DB" "SELECT s.name FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id WHERE d.title = 'Sistema de inventarios Ñandú';" \
  | grep "Cotización" >/dev/null || fail "la oportunidad no llegó a la etapa Cotización"

press C
expect_screen "Convertir en cliente: Ñandú Distribuciones S.A.C." "no se abrió la conversión del prospecto"
press C-s
expect_screen "Cliente creado: Ñandú Distribuciones S.A.C." "no se convirtió el prospecto en cliente"
sqlite3 "$DB" "SELECT c.doc_number FROM deal d JOIN customer c ON c.id = d.customer_id WHERE d.title = 'Sistema de inventarios Ñandú';" \
  | grep -x "20555123451" >/dev/null || fail "la oportunidad no quedó con el cliente convertido"

press c
expect_screen "Cotización nueva" "no se abrió el cotizador desde la oportunidad"
expect_screen "Ñandú Distribuciones S.A.C. · RUC 20555123451" "la cotización no tomó el cliente de la oportunidad"
press a
type_shown "switch tp-link"
press Enter
expect_screen "Línea 1" "no se abrió la línea del producto"
press C-s
expect_gone "Línea 1" "no se cerró la línea del producto"
press a
type_shown "hora de desarrollo"
press Enter
expect_screen "Línea 2" "no se abrió la línea de las horas de servicio"
press Tab Tab
expect_focus "Cantidad"
press C-u
type_into "Cantidad" "40"
press C-s
expect_gone "Línea 2" "no se cerró la línea de las horas de servicio"
press a
type_shown "soporte y mantenimiento"
press Enter
expect_screen "Línea 3" "no se abrió la línea de la suscripción"
press Tab Tab
expect_focus "Cantidad"
press C-u
type_into "Cantidad" "12"
press C-s
expect_screen "S/ 11,233.60" "el total de la cotización no es el esperado"
press C-s
expect_screen "Borrador guardado: COT-" "no se guardó la cotización"
press S s
expect_screen "[enviada]" "no se envió la cotización"
press v
expect_screen "¿Crear una nueva versión" "no se preguntó antes de crear la versión 2"
press s
expect_screen "v2  [borrador]" "no se creó la versión 2"
press S s
expect_screen "v2  [enviada]" "no se envió la versión 2"
press A s
expect_screen "Cotización aceptada" "no se aceptó la cotización"
expect_screen "1 suscripción creada" "no se creó la suscripción"
expect_no_screen "Sin negocio vinculado" "la cotización no quedó vinculada a la oportunidad"
press Enter
press p
expect_screen "PDF generado:" "no se generó el PDF de la cotización"
press c
expect_screen "¿Generar el contrato" "no se preguntó antes de registrar el contrato"
press s
expect_screen "Contrato generado:" "no se generó el contrato"
pdf=$(ls "$WORK"/documentos/COT-*-v2.pdf 2>/dev/null | head -1)
[ -n "$pdf" ] || fail "no está el PDF de la cotización"
text=$(pdftotext -layout "$pdf" -)
case "$text" in *"Hora de desarrollo de software"*"S/ 11,233.60"*) ;; *) fail "el PDF no contiene las líneas y el total";; esac
ls "$WORK"/documentos/CTR-*.pdf >/dev/null 2>&1 || fail "no está el PDF del contrato"
sqlite3 "$DB" "SELECT number || ' v' || quote_version FROM contract;" | grep -x "CTR-[0-9]*-00001 v2" >/dev/null \
  || fail "el contrato no quedó registrado para la versión 2"
sqlite3 "$DB" "SELECT s.name FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id WHERE d.title = 'Sistema de inventarios Ñandú';" \
  | grep "Ganado" >/dev/null || fail "la oportunidad no quedó ganada"
# Accepting v2 superseded v1: closed, never left open beside the accepted version.
v1=$(sqlite3 "$DB" "SELECT q.state FROM quote q JOIN contract c ON c.quote_number = q.number WHERE q.version = 1;")
[ "$v1" = rejected ] || fail "la versión 1 no quedó sustituida ($v1)"
finish
