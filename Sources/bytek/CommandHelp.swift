import BytekModel

/// The Spanish help of `bytek` and of each command.
enum CommandHelp {
    static let globalUsage = "bytek [--db RUTA] [--user USUARIO] [COMANDO] [OPCIONES]"

    static let usage: [String: String] = [
        "tui": "bytek tui",
        "demo": "bytek demo",
        "migrate": "bytek migrate",
        "worker": "bytek worker [--once] [--lease SEGUNDOS]",
        "user": "bytek user add USUARIO --name NOMBRE --role ROL | user list | user disable USUARIO | user enable USUARIO",
        "import": "bytek import customers|catalog ARCHIVO [--partial]",
        "export": "bytek export customers|catalog [ARCHIVO]",
        "backup": "bytek backup ARCHIVO",
        "restore": "bytek restore ARCHIVO",
        "bench": "bytek bench [--customers N] [--audit N] [--data ARCHIVO]",
        "sunat": "bytek sunat emulator [--port N] [--schemas CARPETA] [OPCIONES DEL EMULADOR]",
        "help": "bytek help [COMANDO]",
    ]

    static let commandOrder = ["tui", "demo", "migrate", "worker", "user", "import", "export", "backup", "restore", "bench", "sunat"]

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
      export customers|catalog [ARCHIVO]   Exporta clientes o el catálogo a CSV (Excel lo abre bien).
      backup ARCHIVO                       Copia en línea de la base de datos, verificada.
      restore ARCHIVO                      Reemplaza la base de datos por un respaldo verificado.
      bench                                Mide el rendimiento de la interfaz y del almacén.
      sunat emulator [--port N]            Emulador local de los servicios web de SUNAT (pruebas y demo).

    Opciones globales:
      --db RUTA         La base de datos. Si no se indica: $BYTEK_DB; si no: \(defaultPathHint).
      --user USUARIO    Quién usa el programa. Si no se indica: $BYTEK_USER; si no: el usuario del sistema.
                        Debe existir y estar activo (cree el primero con: bytek user add USUARIO --name NOMBRE --role admin).
      --help, -h        Esta ayuda. «bytek COMANDO --help» explica cada comando.
      --version         La versión del programa.

    Salida: 0 si todo salió bien; 1 si hubo un error (explicado en la salida de errores); 2 si el comando
    está mal escrito.
    """

    static let defaultPathHint = "~/.local/share/bytek/bytek.sqlite"

    static let detail: [String: String] = [
        "tui": """
        Abre la interfaz de terminal sobre la base de datos, como el usuario indicado.
        Es lo que hace «bytek» sin comando. Necesita una terminal de al menos 80×24.
        """,
        "demo": """
        Llena la base de datos (--db, $BYTEK_DB o la predeterminada) con datos de demostración: clientes con
        RUC y DNI válidos, el catálogo de las tres unidades y un usuario por rol. No pide usuario.
        """,
        "migrate": """
        Crea la base de datos si no existe y aplica las migraciones pendientes. Registra también la
        programación «respaldo-nocturno» (todos los días a las 02:00, hora de Lima) si falta.
        No pide usuario. Un programa más antiguo que la base de datos se niega a abrirla.
        """,
        "worker": """
        Ejecuta los trabajos pendientes y las programaciones (como el respaldo nocturno). Cada trabajo se toma
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
                    (obligatorias: \(CSVCustomerMapping.required.joined(separator: ", ")))
          catálogo: \(CSVCatalogMapping.columns.joined(separator: ", "))
                    (obligatorias: \(CSVCatalogMapping.required.joined(separator: ", ")))

        Todo o nada: si alguna línea tiene errores no se guarda nada y se informa cada línea con su número y
        el motivo («línea N: motivo»). Un documento o SKU repetido en el archivo o ya registrado es un error.

        Opciones:
          --partial    Guarda las líneas correctas e informa las erróneas (sale con 1 si hubo alguna).

        ARCHIVO «-» lee la entrada estándar. Requiere permiso de escritura en Clientes o Catálogo.
        """,
        "export": """
        Exporta todos los clientes (también los archivados) o todo el catálogo a CSV con las mismas columnas
        que lee «bytek import», así que el archivo se puede volver a importar. El archivo lleva BOM UTF-8 y
        fines de línea CRLF, para que Excel muestre bien las tildes. Sin ARCHIVO (o con «-») escribe en la
        salida estándar. Requiere permiso de lectura en Clientes o Catálogo.
        """,
        "backup": """
        Copia en línea la base de datos en ARCHIVO, aunque otros procesos la estén usando, y verifica la copia
        con PRAGMA integrity_check. Si la verificación falla, la copia se borra. Requiere el rol admin.
        El respaldo nocturno automático guarda las copias en la carpeta «backups» junto a la base de datos
        (las de los últimos 7 días y de las últimas 4 semanas).
        """,
        "restore": """
        Reemplaza la base de datos (--db) por el respaldo ARCHIVO, después de verificar su integridad. El
        reemplazo es atómico y borra los archivos -wal/-shm anteriores. Cierre antes la interfaz y el
        trabajador que usen esa base de datos. Si la base de datos ya existe, requiere el rol admin en ella.
        """,
        "bench": """
        Mide el rendimiento (tecla en una tabla, filtro incremental, arranque, memoria) sobre una base de datos
        grande de prueba (200 000 clientes y 1 000 000 de entradas de auditoría por omisión) e imprime los
        resultados con su presupuesto. Con --data ARCHIVO la base de prueba se conserva entre ejecuciones.
        Sale con 1 si alguna cifra excede su presupuesto.
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

        El emulador se busca en $BYTEK_SUNAT_EMULATOR o en Tests/SunatEmulator/sunat_emulator.py del
        repositorio que contiene este programa. Su README explica los códigos y la API de control.
        """,
        "help": "Muestra la ayuda general o la de un comando.",
    ]

    static func text(for command: String) -> String {
        let usageLine = usage[command] ?? globalUsage
        return "Uso: \(usageLine)\n\n" + (detail[command] ?? "")
    }
}
