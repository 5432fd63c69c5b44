import BytekModel

/// The default contract of each business unit, in Spanish. They are written out as editable files
/// on first use (`ContractTemplate.load`), so the company's lawyer can adapt them.
extension ContractTemplate {
    public static func standard(for unit: BusinessUnit) -> ContractTemplate {
        switch unit {
        case .software: return softwareDevelopment
        case .infrastructure: return installationAndMaintenance
        case .digital: return digitalPackage
        }
    }

    private static let parties = """
        Conste por el presente documento el contrato que celebran, de una parte, {{empresa.razon_social}}, con RUC \
        {{empresa.ruc}}, con domicilio en {{empresa.direccion}}, debidamente representada por \
        {{empresa.representante}}, a quien en adelante se denominará EL PROVEEDOR; y, de la otra parte, \
        {{cliente.razon_social}}, identificado con {{cliente.documento}}, con domicilio en {{cliente.direccion}}, \
        debidamente representado por {{cliente.representante}}, a quien en adelante se denominará EL CLIENTE; en los \
        términos y condiciones siguientes:
        """

    private static let closing = """
        # CLÁUSULA FINAL: LEY APLICABLE Y JURISDICCIÓN
        El presente contrato se rige por las leyes de la República del Perú, en particular por el Código Civil. Para \
        toda controversia derivada de su interpretación o ejecución, las partes procurarán una solución directa y, de \
        no lograrla en un plazo de quince (15) días calendario, se someten a la competencia de los jueces y tribunales \
        del distrito judicial de Lima Cercado, renunciando al fuero de sus domicilios.

        En señal de conformidad, las partes suscriben el presente contrato en dos (2) ejemplares de igual tenor, en la \
        ciudad de {{ciudad}}, el {{fecha}}.

        {{firma_empresa}}
        {{firma_cliente}}
        """

    /// U2: custom software by milestones, with the scope locked to one quote version.
    public static let softwareDevelopment = ContractTemplate(name: "Contrato U2 Software a medida", text: """
        # CONTRATO DE PRESTACIÓN DE SERVICIOS DE DESARROLLO DE SOFTWARE A MEDIDA

        \(parties)

        # PRIMERA: OBJETO
        EL PROVEEDOR se obliga a diseñar, desarrollar, probar e implementar para EL CLIENTE la solución de software \
        descrita en la cotización {{cotizacion.numero}} versión {{cotizacion.version}}, que forma parte integrante del \
        presente contrato.

        # SEGUNDA: ALCANCE
        El alcance queda definido por la cotización {{cotizacion.numero}} versión {{cotizacion.version}}; todo cambio \
        se cotiza aparte como solicitud de cambio. Comprende únicamente los siguientes entregables:

        {{alcance}}

        Cualquier funcionalidad, integración, informe o ajuste no listado arriba queda fuera del alcance. La huella \
        SHA-256 del alcance acordado es {{hash_alcance}} y figura al pie de cada página de este contrato.

        # TERCERA: PRECIO Y FORMA DE PAGO
        El precio total del servicio asciende a {{precio_total}}, expresado en {{moneda}}, más el IGV cuando \
        corresponda. Condiciones de pago: {{condiciones_pago}}. El precio se pagará según los siguientes hitos:

        {{hitos}}

        Cada hito se factura al ser aceptado por EL CLIENTE conforme a la cláusula quinta. El retraso en el pago de un \
        hito vencido faculta a EL PROVEEDOR a suspender los trabajos hasta su regularización, prorrogándose el plazo de \
        entrega por el mismo periodo.

        # CUARTA: PLAZO DE EJECUCIÓN
        El plazo de ejecución es de {{plazo_entrega}}, contado desde la firma del presente contrato y el pago del primer \
        hito. El plazo se suspende mientras EL CLIENTE no entregue la información, accesos o aprobaciones a su cargo.

        # QUINTA: ACEPTACIÓN DE CADA HITO
        Al concluir cada hito, EL PROVEEDOR entregará los entregables correspondientes y EL CLIENTE tendrá cinco (5) \
        días hábiles para revisarlos y comunicar por escrito sus observaciones, las que deberán referirse al alcance \
        acordado. Subsanadas las observaciones, o vencido dicho plazo sin observaciones, el hito se considerará \
        aceptado y se suscribirá el acta de conformidad correspondiente.

        # SEXTA: SOLICITUDES DE CAMBIO
        Toda modificación del alcance solicitada por EL CLIENTE se tramitará como solicitud de cambio: EL PROVEEDOR \
        evaluará su impacto en costo y plazo y emitirá una nueva versión de la cotización. Ningún cambio se ejecutará \
        sin la aceptación escrita de dicha cotización, que dará lugar a una adenda o a un nuevo contrato.

        # SÉPTIMA: PROPIEDAD INTELECTUAL
        Una vez pagado el íntegro del precio, EL CLIENTE adquiere el derecho de uso, modificación y explotación del \
        software desarrollado a su medida. EL PROVEEDOR conserva la titularidad de sus componentes, librerías y \
        herramientas preexistentes, cuyo uso se licencia a EL CLIENTE de forma no exclusiva y por tiempo indefinido.

        # OCTAVA: CONFIDENCIALIDAD
        Las partes mantendrán en reserva la información a la que accedan con motivo del presente contrato, durante su \
        vigencia y hasta dos (2) años después de su terminación, y tratarán los datos personales conforme a la Ley \
        N.º 29733, Ley de Protección de Datos Personales.

        # NOVENA: GARANTÍA
        EL PROVEEDOR garantiza la corrección, sin costo, de los defectos atribuibles a su trabajo que se reporten dentro \
        de los noventa (90) días calendario siguientes a la aceptación del último hito. La garantía no cubre cambios de \
        alcance, modificaciones hechas por terceros ni fallas de la infraestructura de EL CLIENTE.

        # DÉCIMA: RESOLUCIÓN
        Cualquiera de las partes podrá resolver el contrato ante el incumplimiento de la otra, previo requerimiento \
        notarial con un plazo de quince (15) días calendario para subsanarlo, conforme al artículo 1429 del Código \
        Civil. En tal caso, EL CLIENTE pagará los hitos aceptados y el avance del hito en curso.

        \(closing)
        """)

    /// U3: hardware supply, installation and periodic maintenance.
    public static let installationAndMaintenance = ContractTemplate(
        name: "Contrato U3 Instalación y mantenimiento", text: """
        # CONTRATO DE SUMINISTRO, INSTALACIÓN Y MANTENIMIENTO DE INFRAESTRUCTURA TECNOLÓGICA

        \(parties)

        # PRIMERA: OBJETO
        EL PROVEEDOR se obliga a suministrar e instalar los equipos y a prestar los servicios de mantenimiento descritos \
        en la cotización {{cotizacion.numero}} versión {{cotizacion.version}}, que forma parte integrante del presente \
        contrato.

        # SEGUNDA: ALCANCE
        El alcance queda definido por la cotización {{cotizacion.numero}} versión {{cotizacion.version}} y comprende:

        {{alcance}}

        Los trabajos adicionales que resulten necesarios (canalizaciones, obras civiles, equipos no listados) se cotizan \
        aparte como solicitud de cambio.

        # TERCERA: PRECIO Y FORMA DE PAGO
        El precio total asciende a {{precio_total}}, expresado en {{moneda}}. Condiciones de pago: \
        {{condiciones_pago}}.

        {{hitos}}

        Los servicios de mantenimiento periódico se facturan por periodo adelantado según la cotización.

        # CUARTA: PLAZO E INSTALACIÓN
        La entrega e instalación se realizará en un plazo de {{plazo_entrega}}. EL CLIENTE brindará el acceso a sus \
        instalaciones, el punto eléctrico estabilizado y las facilidades necesarias en las fechas programadas.

        # QUINTA: CONFORMIDAD
        Concluida la instalación, las partes suscribirán un acta de conformidad en la que constarán los equipos \
        instalados con sus números de serie, las pruebas realizadas y las observaciones, si las hubiera.

        # SEXTA: MANTENIMIENTO
        El mantenimiento preventivo se realizará en visitas programadas según la periodicidad contratada, con un \
        informe técnico por visita. Las atenciones correctivas se atenderán en un plazo máximo de veinticuatro (24) \
        horas hábiles desde el reporte, dentro de Lima Metropolitana.

        # SÉPTIMA: GARANTÍA
        Los equipos cuentan con la garantía del fabricante indicada en la cotización, contada desde la fecha del acta \
        de conformidad; la mano de obra de instalación está garantizada por seis (6) meses. La garantía no cubre daños \
        por manipulación indebida, sobretensiones eléctricas, humedad ni desastres naturales.

        # OCTAVA: VIGENCIA Y RESOLUCIÓN
        El servicio de mantenimiento tiene la vigencia indicada en la cotización y se renueva automáticamente por \
        periodos iguales, salvo aviso escrito de cualquiera de las partes con treinta (30) días calendario de \
        anticipación.

        \(closing)
        """)

    /// U1: a digital package (web, social media, campaigns).
    public static let digitalPackage = ContractTemplate(name: "Contrato U1 Paquete digital", text: """
        # CONTRATO DE PRESTACIÓN DE SERVICIOS DIGITALES

        \(parties)

        # PRIMERA: OBJETO
        EL PROVEEDOR prestará a EL CLIENTE el paquete de servicios digitales descrito en la cotización \
        {{cotizacion.numero}} versión {{cotizacion.version}}, que forma parte integrante del presente contrato.

        # SEGUNDA: ALCANCE
        El alcance queda definido por la cotización {{cotizacion.numero}} versión {{cotizacion.version}} y comprende:

        {{alcance}}

        Todo servicio adicional se cotiza aparte.

        # TERCERA: PRECIO Y FORMA DE PAGO
        El precio total asciende a {{precio_total}}, expresado en {{moneda}}. Condiciones de pago: \
        {{condiciones_pago}}.

        # CUARTA: PLAZO
        Los entregables se realizarán en un plazo de {{plazo_entrega}}, contado desde la recepción de los contenidos, \
        accesos y materiales a cargo de EL CLIENTE.

        # QUINTA: REVISIONES Y APROBACIÓN
        Cada entregable incluye hasta dos (2) rondas de revisión. EL CLIENTE aprobará o comunicará sus observaciones \
        dentro de los tres (3) días hábiles de recibido el entregable; vencido dicho plazo sin observaciones, se \
        considerará aprobado.

        # SEXTA: CONTENIDOS Y PROPIEDAD
        EL CLIENTE garantiza que los textos, imágenes y marcas que entrega le pertenecen o cuenta con licencia para su \
        uso. Pagado el íntegro del precio, los diseños finales aprobados pasan a ser de propiedad de EL CLIENTE.

        # SÉPTIMA: SERVICIOS RECURRENTES
        Los servicios de periodicidad mensual o anual (hosting, dominio, gestión de redes) se facturan por periodo \
        adelantado y pueden cancelarse con aviso escrito de treinta (30) días calendario.

        \(closing)
        """)
}
