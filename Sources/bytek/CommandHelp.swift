import BytekModel

/// The Spanish help of `bytek` and of each command.
enum CommandHelp {
    static let globalUsage = "bytek [--db RUTA] [--user USUARIO] [COMANDO] [OPCIONES]"

    static let usage: [String: String] = [
        "tui": "bytek tui",
        "demo": "bytek demo [--no-invoices]",
        "migrate": "bytek migrate",
        "worker": "bytek worker [--once] [--lease SEGUNDOS]",
        "user": "bytek user add USUARIO --name NOMBRE --role ROL | user list | user disable USUARIO | user enable USUARIO",
        "import": "bytek import customers|catalog ARCHIVO [--partial] [--update]",
        "export": "bytek export customers|catalog|deals|quotes|contracts [ARCHIVO]",
        "backup": "bytek backup ARCHIVO | backup status | backup drill [ARCHIVO] | backup offsite set COMANDO… | offsite show | offsite clear",
        "restore": "bytek restore ARCHIVO",
        "bench": "bytek bench [--customers N] [--audit N] [--data ARCHIVO] [--rules CARPETA] [--web-only] [--seconds N] [--connections N] | bench padron [--lines N] [--layout ruc-rowid|without-rowid|index-after] [--data CARPETA]",
        "sunat": "bytek sunat emulator [--port N] [--schemas CARPETA] [--rules CARPETA] [OPCIONES DEL EMULADOR] | sunat emulator --guardar-script RUTA",
        "invoice": "bytek invoice settings [--file AJUSTES.json] | issue --file COMPROBANTE.json [--sobregiro MOTIVO] | issue --from-quote NÚMERO [--version N] [--series SERIE] [--sobregiro MOTIVO] | list [--status ESTADO] [--limit N] | show SERIE-NÚMERO | xml SERIE-NÚMERO | check SERIE-NÚMERO [--rules CARPETA] | pdf SERIE-NÚMERO [--ticket] [-o ARCHIVO] | void SERIE-NÚMERO --reason MOTIVO | summary [--date AAAA-MM-DD] | batches | status",
        "quote": "bytek quote list [--state ESTADO] [--unit U1|U2|U3] [--csv [ARCHIVO]] | quote show NÚMERO [--version N] | quote pdf NÚMERO [--version N] [-o ARCHIVO] | quote accept NÚMERO [--version N] [--proyecto nuevo|ninguno|CÓDIGO] [--sobre-credito MOTIVO] | quote reopen NÚMERO --motivo TEXTO",
        "contract": "bytek contract pdf NÚMERO [--version N] [-o ARCHIVO] | list [NÚMERO] [--csv [ARCHIVO]]",
        "deal": "bytek deal list [--unit U1|U2|U3] [--stage ETAPA] [--owner USUARIO] [--csv [ARCHIVO]]",
        "company": "bytek company show | company set --ruc RUC --name RAZÓN_SOCIAL --address DIRECCIÓN [OPCIONES]",
        "ssh-keys": "bytek ssh-keys add USUARIO ARCHIVO.pub | list | remove ID | sync | file [RUTA] [--authorized-keys RUTA]",
        "ssh-session": "bytek --db RUTA ssh-session USUARIO   (solo en authorized_keys)",
        "secrets": "bytek secrets check | secrets migrate",
        "serve": "bytek serve [--listen DIRECCIÓN:PUERTO] [--public-url URL] [--trusted-proxy IP]... [--threads N] [--max-connections N] [--timeout SEGUNDOS] [--max-body BYTES]",
        "portal": "bytek portal invite CORREO [--correo] | portal invite-tecnico USUARIO | portal reset CORREO [--public-url URL]",
        "permissions": "bytek permissions",
        "exchange-rate": "bytek exchange-rate set FECHA COMPRA VENTA [--confirmar] | import ARCHIVO [--partial] | list [--desde FECHA] | show [FECHA]",
        "tipo-cambio": "bytek tipo-cambio set FECHA COMPRA VENTA [--confirmar] | import ARCHIVO [--partial] | list [--desde FECHA] | show [FECHA]",
        "padron": "bytek padron import ARCHIVO | padron show RUC | padron generate ARCHIVO [--lines N] [--broken K] [--seed S]",
        "recurrentes": "bytek recurrentes preview [--fecha FECHA] | facturar [--fecha FECHA] | historial | lista | pausar|reanudar|cancelar ID [--fecha FECHA] | terminar ID --ultimo-dia FECHA | precio ID MONTO | ajustar ID [--dia N] [--modo adelantado|vencido] [--moneda PEN|USD]",
        "sire": "bytek sire ventas --period AAAA-MM [--output CARPETA] | --propuesta ARCHIVO [--csv SALIDA] | --csv SALIDA | --solicitar-propuesta",
        "recordatorios": "bytek recordatorios [hoy|enviar] [--fecha FECHA] | historial --cliente RUC | pausar|reanudar RUC [--nota T] | promesa RUC --hasta FECHA|--retirar [--nota T] | disputa RUC [--resuelta] [--nota T] | politica [mostrar|estandar|enlace URL|nivel DIAS …|quitar DIAS]",
        "cobranzas": "bytek cobranzas [--cliente RUC] [--vencidas] [--moneda PEN|USD] [--unidad U1|U2|U3] [--limite N] | cobranzas avisos [--correos LISTA]",
        "pago": "bytek pago registrar --cliente RUC --monto IMPORTE [--moneda PEN|USD] [--metodo MÉTODO] [--cuenta ID] [--operacion N] [--fecha FECHA] [--tc 3.750] [--aplicar F001-12[:monto],...] | aplicar-saldo --cliente RUC --aplicar F001-12[:monto],... | revertir ID --motivo TEXTO | ver ID",
        "detraccion": "bytek detraccion registrar COMPROBANTE --constancia N --monto IMPORTE [--fecha FECHA]",
        "retencion": "bytek retencion registrar COMPROBANTE --numero R001-5 --monto IMPORTE [--fecha FECHA]",
        "cuenta-bancaria": "bytek cuenta-bancaria agregar --banco BANCO --numero N [--moneda PEN|USD] [--detraccion] | listar [--todas] | desactivar ID | activar ID",
        "tarjetas": "bytek tarjetas [--cliente RUC]",
        "cobro": "bytek cobro cargar --cliente RUC [--documento F001-12]... [--tarjeta ID] | reembolsar ID [--monto IMPORTE] --motivo TEXTO | listar [--estado ESTADO] [--cliente RUC] | liquidacion --pasarela izipay|niubiz --bruto IMPORTE --comision IMPORTE [--moneda PEN|USD] [--fecha FECHA] [--cobros ID,ID] [--referencia TEXTO] | automatico [--fecha FECHA] | cuenta --pasarela izipay|niubiz --cuenta ID [--moneda PEN|USD] | reintentos [0,3,7] | conciliar [--aceptar-todas]",
        "estado-cuenta": "bytek estado-cuenta RUC [--desde FECHA] [--hasta FECHA] [--pdf ARCHIVO|-]",
        "periodo": "bytek periodo cerrar AAAA-MM [--nota TEXTO] | periodo reabrir AAAA-MM --motivo TEXTO | periodo listar",
        "feriados": "bytek feriados [AÑO] | feriados agregar FECHA NOMBRE --decreto NORMA | feriados quitar FECHA | feriados dias-habiles DESDE HASTA",
        "proyectos": "bytek proyectos [listar] | ver CODIGO | nuevo --cliente RUC --nombre N --responsable U --prometida F | editar | archivar CODIGO | tareas CODIGO | tarea CODIGO TITULO | mover TAREA >|<|COLUMNA [--forzar MOTIVO] | bloquear TAREA --motivo T | tablero U1|CODIGO | wip U1|CODIGO [COLUMNA LIMITE] | plantillas [NOMBRE] | atrasos [--fecha FECHA]",
        "compuerta": "bytek compuerta estado PROYECTO | levantar PROYECTO --motivo TEXTO --hasta FECHA | terminar PROYECTO | bloqueados | alarmas [--responsable LOGIN]",
        "hitos": "bytek hitos list PROYECTO | adjuntar HITO ARCHIVO | liberar ENTREGABLE | listo HITO | aprobar|cambios HITO --via correo|acta|otro --evidencia ARCHIVO --por NOMBRE | facturar HITO | por-facturar | facturacion [automatica|finanzas]",
        "rentabilidad": "bytek rentabilidad [PROYECTO] [--csv ARCHIVO|-] [--todos] [--limite N]",
        "costos": "bytek costos PROYECTO | costos agregar PROYECTO DESCRIPCIÓN --monto IMPORTE [--fecha FECHA] [--moneda PEN|USD] [--tc 3.750] | costos anular ID --motivo TEXTO",
        "horas": "bytek horas [semana [SEMANA]] | horas registrar PROYECTO DURACION [--tarea TAREA] [--fecha FECHA] [--nota TEXTO] | horas copiar-semana|enviar [SEMANA] | horas pendientes | horas aprobar|reabrir LOGIN SEMANA | horas tarifa LOGIN MONTO --desde FECHA | horas tarifas [LOGIN] | horas timer [iniciar PROYECTO|detener|descartar]",
        "banco": "bytek banco importar --cuenta ID ARCHIVO [--columnas MAPA] [--fechas aaaa-mm-dd] [--partial] | banco conciliar [--cuenta ID] [--aceptar-todas] | banco cuentas",
        "mensajes": "bytek mensajes --cliente RUC [--limite N] | mensajes comprobantes --cliente RUC [--activo si|no] [--a CORREOS] [--adjuntos pdf,xml,cdr]",
        "cotizacion": "bytek cotizacion enviar COT-AAAA-NNNNN [--version N] [--a CORREOS] | cotizacion list|show|pdf|reopen (como bytek quote)",
        "comprobante": "bytek comprobante enviar F001-12 [--a CORREOS]",
        "help": "bytek help [COMANDO]",
    ]

    static let commandOrder = ["tui", "demo", "migrate", "worker", "user", "import", "export", "backup", "restore", "bench", "sunat", "invoice", "quote", "contract", "deal", "company", "ssh-keys", "ssh-session", "secrets", "serve", "portal", "exchange-rate", "padron", "cobranzas", "pago", "detraccion", "retencion", "cuenta-bancaria", "estado-cuenta", "banco", "recurrentes", "recordatorios", "sire", "periodo", "permissions"]

    static let general = """
    bytek \(BytekModelInfo.version) — BYTEK Core: clientes, catálogo, ventas y más, en la terminal.

    Uso: \(globalUsage)

    Comandos:
      tui                                  Abre la interfaz de terminal (el comando predeterminado).
      demo                                 Llena la base de datos con datos de demostración.
      migrate                              Crea la base de datos o la actualiza a esta versión.
      worker [--once]                      Ejecuta los trabajos en segundo plano (respaldos, envíos...).
      user add|list|disable|enable         Administra los usuarios y sus roles.
      import customers|catalog ARCHIVO     Importa clientes o ítems del catálogo desde CSV.
      export customers|catalog|deals|...   Exporta clientes, catálogo, oportunidades, cotizaciones o contratos a CSV.
      backup ARCHIVO|status|drill|offsite  Respaldo verificado (base de datos y documentos), estado, simulacro, copia externa.
      restore ARCHIVO                      Reemplaza la base de datos y sus documentos por un respaldo verificado.
      bench                                Mide el rendimiento de la interfaz y del almacén.
      sunat emulator [--port N]            Emulador local de los servicios web de SUNAT (pruebas y demo).
      invoice issue|list|show|xml|pdf|void Comprobantes electrónicos (facturas, boletas, notas) y su estado en SUNAT.
      quote list|show|pdf|accept|reopen    Cotizaciones: lista (o CSV), detalle con totales, PDF, aceptar, reabrir.
      contract pdf|list                    Contratos de cotizaciones aceptadas: PDF (con el hash del alcance) y registro.
      deal list [--csv [ARCHIVO]]          Oportunidades de venta por unidad, etapa y vendedor (o CSV).
      company show|set                     Datos de la empresa que se imprimen en cotizaciones y contratos.
      ssh-keys add|list|remove|sync        Claves SSH del personal: cada clave entra como su usuario (admin).
      ssh-session USUARIO                  El comando forzado de esas claves en authorized_keys.
      secrets check|migrate                Revisa los secretos (clave SOL, certificado, SMTP); les pasa «sunat-credenciales».
      serve [--listen 127.0.0.1:8080]      El portal web: contactos de clientes, técnicos y avisos (hooks).
      portal invite CORREO                 Enlace de un solo uso (72 h) para que un contacto cree su contraseña.
      permissions                          Quién puede hacer cada operación (rol × operación), como tabla Markdown.
      exchange-rate set|import|list|show   Tipo de cambio por día (compra y venta de SUNAT); alias «tipo-cambio».
      padron import|show|generate          El padrón reducido de SUNAT (padron.sqlite junto a la base): importar, consultar un RUC.
      sire ventas --period AAAA-MM         Registro de ventas del SIRE (RVIE): reemplazo en ZIP, comparación con la propuesta, CSV.
      recurrentes preview|facturar|historial  Facturación de suscripciones: lo que toca, emitirlo, las corridas.
      cobranzas [--cliente RUC]            Cuentas por cobrar pendientes (--vencidas) y su antigüedad.
      recordatorios [hoy|enviar]           Recordatorios de cobranza por correo y WhatsApp: lo de hoy, enviarlo.
      pago registrar|revertir|ver          Pagos recibidos, aplicados a comprobantes; el exceso queda como saldo a favor.
      detraccion registrar COMPROBANTE     La constancia de depósito de la detracción (Banco de la Nación).
      retencion registrar COMPROBANTE      El comprobante de retención (3 %) de un agente de retención.
      cuenta-bancaria agregar|listar       Las cuentas bancarias de la empresa donde llegan los pagos.
      estado-cuenta RUC [--pdf ARCHIVO]    Estado de cuenta de un cliente: cargos, abonos y saldo; en PDF con --pdf.
      periodo cerrar|reabrir|listar        Cierre mensual (registro de ventas presentado en SIRE); reabrir es de admin.
      banco importar|conciliar|cuentas     Extractos bancarios: importar (sin duplicar) y conciliar con lo por cobrar.
      mensajes --cliente RUC               Correos y WhatsApp enviados a un cliente y su estado; «comprobantes» configura el envío.
      cotizacion enviar NUM [--a CORREOS]  Envía por correo el PDF de una cotización (lo despacha el trabajador).
      comprobante enviar F001-12           Envía por correo un comprobante aceptado con su PDF, XML y CDR.
      tarjetas [--cliente RUC]             Tarjetas guardadas de los clientes (Izipay, Niubiz) y su cobro automático.
      cobro cargar|listar|reembolsar|...   Cobros con tarjeta: cobrar ahora, intentos y su estado, reembolsos, liquidaciones.
      feriados [AÑO]|agregar|quitar        Feriados de Perú (ley y decretos); dias-habiles cuenta días hábiles.
      proyectos [listar]|ver|nuevo|mover|… Proyectos, sus tareas (tarjetas), tableros, límites WIP y plantillas.
      compuerta estado|levantar|bloqueados Compuerta de pago de proyectos por hitos: qué la cierra, levantarla, alarmas.
      hitos list|adjuntar|listo|aprobar|…  Hitos U2: entregables, aprobación del cliente y factura del hito.
      rentabilidad [PROYECTO] [--csv F]    Rentabilidad por proyecto: lista por margen, cifras con barras, CSV.
      costos PROYECTO|agregar|anular       Otros costos de un proyecto (compras a mano), que la rentabilidad resta.
      horas [semana]|registrar|timer|...   Sus horas: registrar, la semana, copiar filas, enviar, aprobar, cronómetro.

    Opciones globales:
      --db RUTA         La base de datos. Si no se indica: $BYTEK_DB; si no: \(defaultPathHint).
                        Solo «migrate» y «demo» la crean si no existe; los demás comandos se niegan.
      --user USUARIO    Quién usa el programa. Si no se indica: $BYTEK_USER; si no: el usuario del sistema.
                        Debe existir y estar activo (cree la base con «bytek migrate» y el primer usuario con:
                        bytek user add USUARIO --name NOMBRE --role admin).
                        En una sesión SSH (ssh-session) la clave decide el usuario y --user se rechaza.
      --secrets RUTA    El archivo de secretos (permisos 600). Si no se indica: $BYTEK_SECRETS; si no:
                        «bytek-secretos» junto a la base de datos.
      --help, -h        Esta ayuda. «bytek COMANDO --help» explica cada comando.
      --version         La versión del programa.

    Salida: 0 si todo salió bien; 1 si hubo un error (explicado en la salida de errores); 2 si el comando
    está mal escrito.
    """

    static let defaultPathHint = "~/.local/share/bytek/bytek.sqlite"

    static let detail: [String: String] = [
        "padron": PadronCommand.help,
        "sire": SireCommand.help,
        "pago": ReceivableCommand.paymentHelp,
        "periodo": PeriodCommand.help,
        "feriados": HolidayCommand.help,
        "compuerta": GateCommand.help,
        "proyectos": ProjectCommand.help,
        "hitos": MilestoneCommand.help,
        "rentabilidad": ProfitabilityCommand.help,
        "costos": ProjectCostCommand.help,
        "horas": TimesheetCommand.help,
        "banco": BankCommand.help,
        "serve": """
        Sirve el portal web sobre la base de datos: los contactos de los clientes y los técnicos ingresan con
        su correo (o usuario) y contraseña; /health responde si la base está accesible; /hooks/EMISOR recibe
        avisos firmados (HMAC-SHA256 del cuerpo con el secreto $BYTEK_HOOK_SECRET_EMISOR, en la cabecera
        X-Bytek-Signature: sha256=HEX). Escribe una línea por solicitud en la salida de errores, sin
        consultas, cookies ni contraseñas. SIGTERM o Ctrl-C lo detienen después de las solicitudes en curso.

        Opciones:
          --listen DIRECCIÓN:PUERTO   Dónde escuchar (127.0.0.1:8080 por omisión; puerto 0 = uno libre).
          --public-url URL            La dirección que usa la gente (https://… detrás de un proxy con TLS):
                                      con https las cookies llevan Secure; los enlaces se arman con ella.
          --trusted-proxy IP          Un proxy (nginx, Caddy) cuyas cabeceras X-Forwarded-For y
                                      X-Forwarded-Proto se creen; se puede repetir. Sin él se ignoran.
          --threads N                 Hilos que atienden solicitudes (4).
          --max-connections N         Conexiones simultáneas (256).
          --timeout SEGUNDOS          Una conexión inactiva se cierra (15).
          --max-body BYTES            Tamaño máximo de una solicitud (65536); más grande: 413.

        $BYTEK_LOGIN_DELAY_MS cambia la espera base tras 3 intentos fallidos (1000 ms, se duplica con cada
        fallo; por cuenta y por dirección). Requiere un usuario con acceso a Tareas (admin u operaciones).
        """,
        "exchange-rate": """
        El tipo de cambio (soles por dólar) de cada día: compra y venta con 3 decimales, como lo publica
        SUNAT. La venta del día es el valor por omisión de los documentos en dólares; sin tipo de cambio del
        día se usa el último de los 7 días anteriores (y se dice de qué día es); más antiguo no se usa.

          bytek exchange-rate set FECHA COMPRA VENTA   Registra (o corrige) el de un día. FECHA: dd/mm/aaaa,
                                                       aaaa-mm-dd u «hoy». Fuera de 2.5–6 pide --confirmar.
          bytek exchange-rate import ARCHIVO           Importa el archivo de SUNAT (fecha|compra|venta) o un CSV
                                                       con columnas fecha, compra, venta (con o sin encabezado).
                                                       Todo o nada; --partial guarda las líneas correctas.
          bytek exchange-rate list [--desde FECHA]     Los registrados, del más reciente al más antiguo.
          bytek exchange-rate show [FECHA]             El que se usa para FECHA (hoy si se omite).

        Registrar e importar requieren el rol finanzas o admin; consultar, cualquier usuario activo.
        «bytek tipo-cambio» es el mismo comando.
        """,
        "tipo-cambio": "Es el mismo comando que «bytek exchange-rate» (vea «bytek help exchange-rate»).",
        "recurrentes": """
        Facturación recurrente de las suscripciones: un comprobante por cliente, día de facturación, moneda,
        tipo y serie, con una línea por suscripción y periodo. El trabajador lo hace cada día solo.

          bytek recurrentes preview [--fecha FECHA]    Lo que facturaría una corrida (hoy si se omite), con totales.
          bytek recurrentes facturar [--fecha FECHA]   Emite ahora lo pendiente hasta FECHA (finanzas o admin).
          bytek recurrentes historial                  Las últimas corridas: comprobantes, totales y fallas.
          bytek recurrentes lista                      Las suscripciones con su día, modo y estado.
          bytek recurrentes pausar|reanudar ID [--fecha FECHA]   Pausa (no se factura) y reanuda (prorrateado).
          bytek recurrentes cancelar ID                Cancela al final del periodo en curso.
          bytek recurrentes terminar ID --ultimo-dia FECHA       Termina ese día (último periodo prorrateado).
          bytek recurrentes precio ID MONTO            Nuevo precio sin IGV desde el periodo siguiente.
          bytek recurrentes ajustar ID [--dia 1-28] [--modo adelantado|vencido] [--moneda PEN|USD]
        """,
        "recordatorios": """
        Recordatorios de cobranza (preventiva y de mora): una política de niveles en días respecto al
        vencimiento, cada uno por correo (plantilla con {cliente} {documentos} {total} {vencimiento}
        {dias_vencido} {enlace_pago}) o por WhatsApp (plantilla aprobada en Meta y sus parámetros en orden).
        El trabajador los envía cada día a las 08:00; nunca dos veces el mismo nivel de un documento.

          bytek recordatorios hoy [--fecha FECHA]      Lo que saldría hoy (o en FECHA), y los clientes retenidos.
          bytek recordatorios enviar [--fecha FECHA]   Los pone ahora en la cola de mensajes (finanzas o admin).
          bytek recordatorios historial --cliente RUC  Los enviados al cliente, con su estado.
          bytek recordatorios pausar|reanudar RUC [--nota TEXTO]
          bytek recordatorios promesa RUC --hasta FECHA [--nota TEXTO] | promesa RUC --retirar
          bytek recordatorios disputa RUC [--nota TEXTO] | disputa RUC --resuelta
          bytek recordatorios politica [mostrar]       Los niveles de la política por defecto.
          bytek recordatorios politica estandar [--copia CORREOS]   Crea la política estándar (−3 … +30).
          bytek recordatorios politica nivel DIAS --asunto T --mensaje T|--mensaje-archivo F [--copia CORREOS]
          bytek recordatorios politica nivel DIAS --whatsapp PLANTILLA [--idioma es] --parametros cliente,total,…
          bytek recordatorios politica quitar DIAS
          bytek recordatorios politica enlace URL      El portal del enlace de pago {enlace_pago} (URL/c/<cliente>/pagar).
        Pausa, promesa y disputa: finanzas, ventas o admin; la política: finanzas o admin.
        """,
        "portal": """
        Cuentas del portal web. Invitar o restablecer a un contacto: quien puede modificar Clientes (admin,
        ventas, finanzas); invitar a un técnico: admin.

          bytek portal invite CORREO           Invita al contacto con ese correo, para cada cliente activo que
                                               lo tenga como contacto (un correo puede ser contacto de varios).
          bytek portal invite-tecnico USUARIO  Invita a un usuario con rol técnico.
          bytek portal reset CORREO            Cierra las sesiones del contacto y le envía un enlace nuevo por
                                               correo (con «bytek worker»).

        Imprime un enlace de un solo uso que vence en 72 horas, para crear la contraseña (mínimo 10
        caracteres). Con --correo no lo imprime: «bytek worker» lo envía por correo (SMTP con
        $BYTEK_SMTP_URL, $BYTEK_SMTP_USER, $BYTEK_SMTP_PASSWORD, $BYTEK_SMTP_FROM; STARTTLS obligatorio
        salvo $BYTEK_SMTP_STARTTLS=no), con reintentos. --public-url (o $BYTEK_PUBLIC_URL) da la dirección
        del portal para el enlace. «¿Olvidó su contraseña?» en el portal envía un enlace nuevo igual.
        """,
        "tui": """
        Abre la interfaz de terminal sobre la base de datos, como el usuario indicado.
        Es lo que hace «bytek» sin comando. Necesita una terminal de al menos 80×24.
        """,
        "demo": """
        Llena la base de datos (--db, $BYTEK_DB o la predeterminada) con datos de demostración: clientes con
        RUC y DNI válidos, el catálogo de las tres unidades, oportunidades y cotizaciones, y un usuario por rol.
        No pide usuario. También configura la facturación contra el emulador local de SUNAT (certificado
        autofirmado y usuario SOL de pruebas en el archivo de secretos «bytek-secretos», junto a la base de datos) y emite
        comprobantes de cada tipo que el emulador responde: aceptados, observados, rechazados, anulados, un
        resumen diario y pendientes. --no-invoices omite esa parte (sin python3 quedan pendientes).
        """,
        "permissions": """
        Imprime la matriz de permisos: una fila por operación (cliente.crear, comprobante.emitir, …), una
        columna por rol, y además «contacto» (el contacto de un cliente en el portal, solo sobre las filas de
        su cliente) y «worker» (los trabajos en segundo plano). ✓ permitido, · no. Es la misma tabla del
        README; la prueba de la matriz recorre cada celda haciendo la operación de verdad. No pide base de datos.
        """,
        "migrate": """
        Crea la base de datos si no existe y aplica las migraciones pendientes. Registra también la
        programación «respaldo-nocturno» (todos los días a las 02:00, hora de Lima) si falta.
        No pide usuario. Un programa más antiguo que la base de datos se niega a abrirla.
        """,
        "worker": """
        Ejecuta los trabajos pendientes y las programaciones: respaldo nocturno (02:00), envío de facturas y
        notas a SUNAT, resumen diario de boletas (21:00) con la consulta de su ticket, comunicaciones de baja,
        reintento de lotes pendientes (cada 10 minutos) y cotizaciones vencidas (00:10). Cada trabajo se toma
        con un plazo (lease); si el proceso muere, otro trabajador lo retoma cuando el plazo vence. Los errores
        se reintentan con espera creciente. SIGTERM o Ctrl-C lo detienen después del trabajo en curso.

        Opciones:
          --once              Ejecuta lo que esté pendiente ahora y termina.
          --lease SEGUNDOS    Duración del plazo de cada trabajo (60 por omisión); se renueva mientras corre.

        Requiere un usuario con acceso a Tareas (admin u operaciones).
        """,
        "user": """
        Administra los usuarios. Requiere el rol admin, salvo para crear el primer usuario de una base vacía
        (que debe ser admin).

          bytek user add USUARIO --name NOMBRE --role ROL
          bytek user list
          bytek user disable USUARIO
          bytek user enable USUARIO

        Roles: \(Role.allCases.map(\.displayName).joined(separator: ", ")).
        Los usuarios no se borran: se deshabilitan (el registro de auditoría los nombra).
        """,
        "import": """
        Importa clientes o ítems del catálogo desde un archivo CSV (UTF-8 con o sin BOM, separado por comas o
        por punto y coma, como lo guarda Excel). La primera línea nombra las columnas:

          clientes: \(CSVCustomerMapping.columns.joined(separator: ", "))
                    y por cada contacto N: \(CSVCustomerMapping.contactFields.map { "contactoN_" + $0 }.joined(separator: ", "))
                    (obligatorias: \(CSVCustomerMapping.required.joined(separator: ", ")))
          catálogo: \(CSVCatalogMapping.columns.joined(separator: ", "))
                    (obligatorias: \(CSVCatalogMapping.required.joined(separator: ", ")))

        Todo o nada: si alguna línea tiene errores no se guarda nada y se informa cada línea con su número y
        el motivo («línea N: motivo»). Un documento o SKU repetido en el archivo o ya registrado es un error.

        Opciones:
          --partial    Guarda las líneas correctas e informa las erróneas (sale con 1 si hubo alguna).
          --update     Un cliente (tipo_doc y numero_doc) o un SKU ya registrado se actualiza solo en las
                       columnas presentes en el archivo (con contactoN_*: sus contactos); los nuevos se
                       agregan. Cada línea actualizada dice qué cambió («línea 4: 20100047218 actualizado:
                       teléfono, correo»). Sin --partial sigue siendo todo o nada.

        Una celda que empieza con «'» seguido de =, +, -, @, tabulador o retorno (como las escribe «bytek
        export») se lee sin ese apóstrofo. ARCHIVO «-» lee la entrada estándar. Requiere permiso de escritura
        en Clientes o, para el catálogo, en todos sus campos (admin o ventas: fija precios y costos).
        """,
        "export": """
        Exporta todos los clientes (también los archivados, con sus contactos en contactoN_*) o todo el
        catálogo a CSV con las mismas columnas que lee «bytek import», así que el archivo se puede editar y
        volver a importar con «bytek import … --update» sin perder nada; «deals», «quotes» y
        «contracts» exportan las oportunidades, las cotizaciones (cada versión) y los contratos registrados
        con las columnas de sus listas. El archivo lleva BOM UTF-8 y fines de línea CRLF, para que Excel
        muestre bien las tildes. Un texto que empieza con =, +, -, @, tabulador o retorno se escribe con un
        apóstrofo delante, para que la hoja de cálculo no lo ejecute como fórmula (los números quedan como
        números); «bytek import» lo quita. La columna «costo» del catálogo solo sale para los roles que ven
        costos (admin, ventas). Sin ARCHIVO (o con «-») escribe en la salida estándar. Requiere permiso de
        lectura en el módulo que se exporta.
        """,
        "backup": """
        «backup ARCHIVO» escribe un respaldo en línea, aunque otros procesos estén usando la base de datos: un
        solo archivo ZIP con la base de datos (verificada con PRAGMA integrity_check), todo lo que bytek guarda
        junto a ella (las carpetas documentos, plantillas, adjuntos y cdr, y el logo de la empresa) y un
        manifiesto (filas por tabla, tamaño y SHA-256 de cada archivo). Antes de dejarlo en ARCHIVO lo vuelve a
        leer y lo comprueba entero; si algo falla no queda nada a medias. Los secretos (bytek-secretos,
        sunat-credenciales) NO se incluyen: guárdelos aparte. Requiere el rol admin.
        El respaldo nocturno automático (trabajador) guarda estos archivos en la carpeta «backups» junto a la
        base de datos (los de los últimos 7 días y de las últimas 4 semanas) y después ejecuta la copia externa.
          status              Último respaldo, última copia externa (código de salida, duración, final de su
                              salida de error) y último simulacro de restauración.
          drill [ARCHIVO]     Simulacro de restauración ahora: restaura el último respaldo (o ARCHIVO) en una
                              carpeta temporal, comprueba que abre (integrity_check) y que coincide con su
                              manifiesto (filas por tabla, archivos), y lo registra. El trabajador lo hace el día
                              1 de cada mes (programa «simulacro-restauracion»). Sale con 1 si falla.
          offsite set COMANDO ARGUMENTOS…   La copia externa: un programa (rsync, restic, scp…) que se ejecuta
                              sin shell tras cada respaldo nocturno; «{archivo}» se reemplaza por la ruta del
                              respaldo (o se agrega al final). Ejemplo:
                                bytek backup offsite set rsync -a {archivo} respaldo@otro-host:/srv/bytek/
                              Las claves no van en el comando (se guarda en la base de datos).
          offsite show | offsite clear      Muestra o desactiva la copia externa.
        """,
        "restore": """
        Reemplaza la base de datos (--db) y los archivos junto a ella (documentos, plantillas, adjuntos, cdr,
        logo) por los del respaldo ARCHIVO, después de comprobarlo entero (SHA-256 de cada archivo,
        integrity_check, filas por tabla). También acepta una copia .sqlite de versiones anteriores (solo la
        base de datos). El reemplazo de la base es atómico y borra los archivos -wal/-shm anteriores. Los
        secretos no están en el respaldo y no se tocan. Cierre antes la interfaz y el trabajador que usen esa
        base de datos: mientras otro proceso la tenga abierta, restore se niega y dice cuáles (PID y comando).
        Si la base de datos ya existe, requiere el rol admin en ella.
        """,
        "secrets": """
        Los secretos de la instalación (usuario y clave SOL, certificado, correo SMTP y, más adelante, las
        claves de las pasarelas de pago) están en un solo archivo, nunca en la base de datos, los registros,
        los PDF, las exportaciones ni los respaldos. El archivo es --secrets, $BYTEK_SECRETS o «bytek-secretos»
        junto a la base de datos; debe tener permisos 600 (si otros usuarios pueden leerlo, bytek se niega a
        usarlo y pide «chmod 600»). Una clave=valor por línea, «#» para comentarios:
          sol_user=MODDATOS            sol_password=…
          cert_pfx=/ruta/cert.pfx      (o cert_pfx_base64=…, o cert_pem= y cert_key_pem= con el bloque PEM
          cert_password=…               en líneas seguidas o la ruta de un archivo PEM)
          smtp_host=…  smtp_port=587  smtp_starttls=si  smtp_user=…  smtp_password=…
          izipay_url=https://api.micuentaweb.pe  izipay_shop_id=…  izipay_password=…
          izipay_public_key=…  izipay_hmac_key=…
          niubiz_url=https://apiprod.vnforapps.com  niubiz_merchant_id=…  niubiz_user=…  niubiz_password=…
        Cada clave puede venir de la variable de entorno BYTEK_SECRET_<CLAVE> (BYTEK_SECRET_SOL_PASSWORD), que
        gana sobre el archivo. El formato anterior («sunat-credenciales», $BYTEK_SUNAT_CREDENTIALS, y las
        variables BYTEK_SOL_USER, BYTEK_SOL_PASSWORD, BYTEK_CERT_PFX_BASE64, BYTEK_CERT_PASSWORD) sigue valiendo.
          check     Dice qué falta o qué archivo está demasiado abierto (sale con 1 entonces), sin mostrar valores.
          migrate   Pasa las claves de «sunat-credenciales» al archivo de secretos (permisos 600) y borra aquel.
        """,
        "bench": """
        Mide el rendimiento (tecla en una tabla, filtro incremental, arranque, memoria) sobre una base de datos
        grande de prueba (200 000 clientes y 1 000 000 de entradas de auditoría por omisión) e imprime los
        resultados con su presupuesto. Con --data ARCHIVO la base de prueba se conserva entre ejecuciones.
        --rules CARPETA: las reglas de validación de SUNAT para medir el pre-vuelo (por omisión
        ../shared/sunat/xsl/contenido junto al proyecto). Con wrk instalado también carga el portal web
        (--connections 200 conexiones durante --seconds 20 s a una página con sesión iniciada: p99 ≤ 50 ms y
        ningún error); --web-only mide solo eso. Sale con 1 si alguna cifra excede su presupuesto.
        """,
        "invoice": """
        Comprobantes electrónicos. «settings --file AJUSTES.json» guarda los ajustes de la empresa (admin):
        {"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "tradeName": "BYTEK",
          "establishmentCode": "0000", "address": {"ubigeo": "150101", "line": "Av. Lima 123",
          "district": "LIMA", "province": "LIMA", "department": "LIMA", "countryCode": "PE"}},
         "series": {"01": "F001", "03": "B001", "07": "FC01", "08": "FD01"}, "detraccionAccount": "00-000-000000",
         "environment": "emulator", "endpoints": {"emulator": {"billService": "http://127.0.0.1:8490/ol-ti-itcpfegem-beta/billService",
          "consultService": "http://127.0.0.1:8490/ol-it-wsconscpegem/billConsultService"}}, "timeoutSeconds": 30,
         "rulesFolder": "/opt/sunat/reglas"}
        Con rulesFolder (la carpeta de reglas de validación que publica SUNAT, ValidaExprReg*.xsl y commons/),
        cada comprobante se revisa con esas reglas antes de tomar su número: si SUNAT lo rechazaría, no se
        emite, se muestra el código y el mensaje de SUNAT y el número sigue libre. «check SERIE-NÚMERO»
        aplica esas reglas (o las de --rules CARPETA) a un comprobante emitido y lista los errores (E) y
        las observaciones (W) que SUNAT daría; sale con 1 si lo rechazaría.
        Sin --file muestra los ajustes guardados.

        El usuario y la clave SOL y el certificado nunca se guardan en la base de datos: se leen del archivo
        de secretos (--secrets, $BYTEK_SECRETS o «bytek-secretos» junto a la base de datos, permisos 600, líneas
        sol_user=, sol_password=, cert_pfx=RUTA o cert_pfx_base64= o cert_pem= + cert_key_pem=, cert_password=;
        ver «bytek secrets --help»), del formato anterior $BYTEK_SUNAT_CREDENTIALS («sunat-credenciales»), o de
        las variables BYTEK_SECRET_<CLAVE>, BYTEK_SOL_USER, BYTEK_SOL_PASSWORD, BYTEK_CERT_PFX_BASE64 y BYTEK_CERT_PASSWORD.

        «issue --file COMPROBANTE.json» numera, firma y guarda el comprobante y lo deja en cola para el
        trabajador (bytek worker), todo en una transacción. Los importes van entre comillas:
        {"kind": "01", "currency": "PEN", "orderReference": "COT-2026-0001",
         "customer": {"documentType": "6", "number": "20100070970", "name": "CLIENTE S.A.C."},
         "lines": [{"description": "Soporte", "quantity": "10", "unitPrice": "100.00", "unit": "ZZ",
                    "affectation": "10", "itemKind": "service", "discount": {"percent": "5"}}],
         "globalDiscount": {"amount": "20.00"}, "detraccion": {"code": "037", "rate": "12"},
         "operationType": "1001", "paymentForm": "credito",
         "installments": [{"amount": "500.00", "dueDate": "2026-12-31"}, {"amount": "465.71", "dueDate": "2027-01-31"}]}
          kind            01 factura, 03 boleta, 07 nota de crédito, 08 nota de débito.
          series          Por omisión la de los ajustes para ese tipo.
          affectation     10 gravado, 20 exonerado, 30 inafecto; 11–16, 21, 31–37 gratuitas.
          discount, globalDiscount  {"percent": "5"} o {"amount": "20.00"} (el global, sin IGV).
          detraccion      Código del catálogo 54 y porcentaje; la cuenta del Banco de la Nación sale de los
                          ajustes. Va con operationType 1001 (se pone solo si se omite).
          paymentForm     contado (por omisión) o credito con sus cuotas («installments»), que suman el
                          total menos la detracción y vencen después de la emisión.
          issuedAt        Por omisión ahora. AAAA-MM-DD o ISO-8601 con cualquier zona (2026-11-26T10:30:00-05:00):
                          el día en Lima, de hoy hasta 3 días atrás (plazo de SUNAT), nunca futuro ni anterior al
                          último comprobante de la serie.
          exchangeRate    Soles por dólar, hasta 3 decimales; fuera de 2.5–6 añada "confirmExchangeRate": true.
          Límites         cantidad ≤ 1,000,000,000 y precio unitario ≤ 100,000,000,000 (hasta 10 decimales);
                          importe de línea y total ≤ 1,000,000,000,000; hasta 1,000 líneas.
        Una nota (07/08) lleva "reference": "F001-12" (debe existir y estar aceptada u observada por SUNAT),
        "reason" (catálogo 09: 01 anulación, 04 descuento global, 06 devolución total, 07 devolución por
        ítem, 13 ajuste de montos o fechas; catálogo 10: 01 intereses por mora, 02 aumento en el valor,
        03 penalidades) y "description" (el sustento). Su cliente, moneda y serie salen del comprobante
        modificado si no se indican (FC01 se vuelve BC01 para una boleta). Va en la moneda del comprobante, y
        las notas de crédito sobre él no suman más que su total (ni más cantidad por línea en una devolución
        por ítem).

        «issue --from-quote COT-2026-00001 [--version N] [--series B001]» factura la parte única de una
        cotización aceptada (productos y servicios; las suscripciones se facturan por periodo) al cliente
        de la cotización, con sus mismos importes, moneda, descuentos y precios con o sin IGV. Sin --version
        usa la versión aceptada; sin --series, la factura (cliente con RUC) o la boleta de los ajustes.
        Contado → contado; crédito a N días → una cuota a N días; hitos → contado. Servicios de más de
        S/ 700 en factura: detracción 037 al 12 %. Una cotización ya facturada no se vuelve a facturar.
        Imprime el número, el total y el hash.

        Los ajustes y los datos de la empresa (bytek company) son la misma empresa: guardar ajustes con un
        RUC distinto al de la empresa se rechaza, y si la empresa aún no está registrada se llena con el
        emisor de los ajustes.

        «list», «show F001-1» (con la respuesta de SUNAT y sus observaciones), «xml F001-1» (el XML firmado
        tal como se envió), «pdf F001-1» (la representación impresa, A4 o ticket de 80 mm con --ticket; «-o -» la
        escribe en la salida estándar),
        «void F001-1 --reason MOTIVO» (la baja), «summary» (el resumen diario de boletas), «batches» (los
        resúmenes y comunicaciones de baja con su ticket y la respuesta de SUNAT) y «status» (cuántos hay en
        cada estado). Las boletas y sus notas viajan en el resumen diario (cada día a las 21:00, o con
        «summary»); las facturas y sus notas, una por una.
        """,
        "sunat": """
        Ejecuta el emulador local de los servicios web de SUNAT (billService y billConsultService) en
        127.0.0.1, para las pruebas y la demostración sin red. Responde como SUNAT: CDR firmado, ticket de
        resumen, códigos de excepción (0100–1999) como SOAP fault, rechazos (2000–3999) y observaciones (4000+).
        Corre hasta recibir Ctrl-C o SIGTERM. Necesita python3, xmllint, xmlsec1 y openssl.

          bytek sunat emulator --port 8490
          URL de envío:    http://127.0.0.1:8490/ol-ti-itcpfegem-beta/billService
          URL de consulta: http://127.0.0.1:8490/ol-it-wsconscpegem/billConsultService

        Opciones:
          --port N            Puerto (0 por omisión: elige uno libre). La primera línea de la salida es
                              «LISTENING N».
          --schemas CARPETA   Los XSD de SUNAT (con 2.0/ y 2.1/). Por omisión ../shared/sunat/xsd junto al
                              repositorio; sin esquemas avisa y no valida el esquema.
          --ruc RUC --user USUARIO --password CLAVE
                              El usuario SOL aceptado (20123456786 MODDATOS moddatos por omisión; también
                              acepta 20000000001MODDATOS / moddatos).
          --state ARCHIVO     Guarda los documentos y CDR en un JSON que sobrevive al reinicio.
          --polls N           Veces que getStatus responde 98 (en proceso) antes del resultado (1).
          --mode none|delay|http500|drop, --delay SEGUNDOS, --fail-next K, --process-on-fail,
          --reject-code CÓDIGO, --observe CÓDIGO
                              Fallas a propósito; también se cambian en marcha con POST /__control.

        El emulador se busca en $BYTEK_SUNAT_EMULATOR, en la ruta guardada con «bytek sunat emulator
        --guardar-script RUTA» o en Tests/SunatEmulator/sunat_emulator.py del repositorio que contiene este
        programa. Con --db toma el RUC de la empresa (y su usuario SOL) de la base de datos. Aplica las reglas
        de validación de SUNAT (--rules CARPETA, por omisión ../shared/sunat/xsl; --no-rules las omite).
        Su README explica los códigos y la API de control.
        """,
        "quote": """
        Cotizaciones para scripts. Requiere permiso de lectura en Cotizaciones (admin, ventas, finanzas,
        operaciones). NÚMERO es como COT-2026-00001; sin --version se usa la versión más reciente.

          bytek quote list [--state ESTADO] [--unit U1|U2|U3] [--csv [ARCHIVO]]
              Todas las versiones con su estado, cliente, fecha y total. ESTADO: borrador, enviada,
              aceptada, rechazada o vencida. Con --csv escribe CSV (BOM UTF-8 y CRLF, Excel lo abre bien)
              en ARCHIVO o, sin él, en la salida estándar.
          bytek quote show NÚMERO [--version N]
              Cabecera, líneas, totales (op. gravadas, exoneradas, inafectas, IGV, total; único y
              recurrente), forma de pago e hitos, estado. Costo y margen solo para admin y ventas.
          bytek quote pdf NÚMERO [--version N] [-o ARCHIVO]
              Genera el PDF (A4) e imprime su ruta. Por omisión se guarda en la carpeta «documentos»
              junto a la base de datos, como COT-2026-00001-v1.pdf.
              Con «-o -» el PDF sale por la salida estándar.
          bytek quote reopen NÚMERO --motivo TEXTO
              Reabre la versión aceptada (vuelve a «enviada»; queda en la auditoría con el motivo) y
              deshace lo que creó su aceptación: suscripciones, montos de los hitos, oportunidad ganada.
              Se niega si ya se emitió un comprobante desde ella. Un contrato registrado se conserva.
              Requiere permiso de escritura en Cotizaciones.
          bytek quote accept NÚMERO [--version N] [--proyecto nuevo|ninguno|PRY-…] [--sobre-credito MOTIVO]
              Acepta la versión enviada (lo mismo que «Aceptar» en Comercial › Cotizaciones): gana el negocio,
              da importes a los hitos, crea las suscripciones y el proyecto (o agrega el trabajo a uno del
              cliente, o ninguno). Sobre el límite de crédito necesita --sobre-credito con el motivo (finanzas).

        El encabezado usa el perfil de la empresa (bytek company set); un logo relativo se busca en la
        carpeta de la base de datos.
        """,
        "contract": """
        Genera el contrato en PDF de una versión ACEPTADA de una cotización e imprime su ruta y el SHA-256
        del alcance (las líneas de esa versión), que también va al pie de cada página. Sin --version se usa
        la versión aceptada. Una versión en borrador, enviada, rechazada o vencida no genera contrato.

        La plantilla es la de la unidad de la cotización: plantillas/contrato-u1.txt, -u2.txt o -u3.txt en
        la carpeta de la base de datos; se crea con el texto predeterminado la primera vez y luego se puede
        editar. El contrato queda registrado (número CTR-2026-00001, versión de la cotización, hash del
        alcance y de la plantilla): generarlo otra vez desde la misma versión da el mismo contrato; una nueva
        versión da un contrato nuevo y el anterior se conserva. El PDF se guarda en «documentos»
        (CTR-2026-00001.pdf) o en -o ARCHIVO. Registrar requiere permiso de escritura en Cotizaciones;
        volver a imprimir, de lectura. «list [COT-…]» muestra los contratos registrados (--csv para CSV).
        """,
        "deal": """
        Lista las oportunidades de venta: unidad, cliente o prospecto, etapa, días en la etapa (marcados
        con «!» cuando superan el tiempo previsto de la etapa), vendedor y valor estimado.

        Opciones:
          --unit U1|U2|U3     Solo una unidad.
          --stage ETAPA       Solo una etapa, por su nombre (sin importar tildes ni mayúsculas).
          --owner USUARIO     Solo las de un vendedor.
          --csv [ARCHIVO]     CSV (BOM UTF-8 y CRLF) en ARCHIVO o en la salida estándar.

        Requiere permiso de lectura en Ventas (admin, ventas, finanzas, operaciones).
        """,
        "company": """
        Muestra o cambia los datos de la empresa que se imprimen en cotizaciones y contratos (y más adelante
        en los comprobantes electrónicos). «show» lo puede usar cualquier usuario activo; «set» requiere el
        rol admin y guarda solo los datos indicados (el resto se conserva). El RUC se valida con su dígito
        verificador; la razón social y la dirección son obligatorias.

        Opciones de set: --ruc, --name (razón social), --trade-name, --address, --ubigeo, --district,
          --province, --department, --phone, --email, --web, --logo (PNG; ruta relativa a la carpeta de la
          base de datos), --representative, --representative-doc (p. ej. «DNI 41234567»).
        """,
        "ssh-keys": """
        Las claves SSH del personal, al estilo de gitolite: una cuenta de servicio es dueña de la base de
        datos y cada persona entra por SSH con su clave, que decide quién es. Requiere el rol admin.

          bytek ssh-keys add USUARIO ARCHIVO.pub   Registra la clave pública de un usuario activo.
          bytek ssh-keys list                      Las claves: ID, usuario, tipo, huella SHA256 (como la
                                                   muestra «ssh-keygen -lf»), comentario, quién y cuándo la
                                                   agregó, y el último ingreso del usuario.
          bytek ssh-keys remove ID                 Quita la clave de la base de datos y del archivo.
          bytek ssh-keys sync                      Reescribe el bloque desde la base de datos (después de
                                                   mover el programa o la base, o de tocar el bloque a mano).
          bytek ssh-keys file [RUTA]               Muestra el archivo en uso o guarda RUTA como el archivo.

        Las claves se escriben en un bloque de authorized_keys entre «# BEGIN BYTEK db=RUTA» y
        «# END BYTEK db=RUTA» (uno por base de datos; las líneas de fuera no se tocan). El archivo se
        reemplaza de una vez (modo 600, carpeta 700). Cada línea es:
          command="BYTEK --db RUTA ssh-session USUARIO",restrict,pty CLAVE
        «restrict» quita el reenvío de puertos, el agente, X11 y la terminal; «pty» devuelve la terminal
        para la interfaz. El archivo es --authorized-keys, si no $BYTEK_AUTHORIZED_KEYS, si no el guardado
        con «file RUTA», si no ~/.ssh/authorized_keys. Se rechazan las claves privadas, los archivos con
        más de una clave, los tipos desconocidos o retirados (ssh-dss), una clave ya registrada y una clave
        que ya está en el archivo fuera del bloque (sshd usaría esa línea, sin el comando forzado).
        """,
        "ssh-session": """
        El comando forzado que «bytek ssh-keys add» pone en cada línea de authorized_keys; no se escribe a
        mano. La clave decide el usuario: --user, BYTEK_USER y BYTEK_DB se rechazan, y la base de datos es
        la de --db en esa línea. Sin comando, abre la interfaz como USUARIO (un usuario deshabilitado no
        entra). Con un comando del cliente (ssh servidor invoice list) solo ejecuta estos, de lectura:
          \(SSHCommandPolicy.usage.joined(separator: "\n  "))
        (los PDF salen por la salida estándar: ssh servidor invoice pdf F001-1 > F001-1.pdf); cualquier otro
        se rechaza con «comando no permitido por SSH». Cada ingreso queda como el último del usuario y en la
        auditoría (acción «login», por ssh, con la dirección de origen y el comando).
        """,
        "help": "Muestra la ayuda general o la de un comando.",
    ]

    static func text(for command: String) -> String {
        let usageLine = usage[command] ?? globalUsage
        return "Uso: \(usageLine)\n\n" + (detail[command] ?? "")
    }
}
