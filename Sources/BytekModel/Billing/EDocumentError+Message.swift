import Foundation

// Spanish (es-PE) text for the billing errors, kept in the model so the CLI and the TUI say the same
// thing. Each sentence names the rule and what to change.

extension EDocumentError {
    /// One or two sentences in Spanish saying what is wrong and how to fix it. Never empty.
    public var message: String {
        switch self {
        case .noLines: return "El comprobante no tiene líneas: agregue al menos un producto o servicio."
        case .nonPositiveQuantity(let line): return "Línea \(line): la cantidad debe ser mayor que cero."
        case .emptyDescription(let line): return "Línea \(line): falta la descripción."
        case .discountOnFreeLine(let line):
            return "Línea \(line): una transferencia gratuita no admite descuento; quite el descuento."
        case .lineWithoutValue(let line):
            return "Línea \(line): queda en cero (descuento del 100 %) y SUNAT rechaza líneas sin valor; "
                + "reduzca el descuento o emítala como transferencia gratuita (bonificación)."
        case .adjustmentNoteOnlyOnFacturas:
            return "La nota de crédito 13 (ajuste de montos y/o fechas de pago) solo modifica facturas."
        case .adjustmentNoteNeedsInstallments:
            return "La nota de crédito 13 (ajuste de montos y/o fechas de pago) debe ser al crédito: indique las "
                + "cuotas con sus nuevos montos y fechas."
        case .adjustmentNoteMustBeZero:
            return "La nota de crédito 13 (ajuste de montos y/o fechas de pago) no cambia el importe: sus líneas van "
                + "con valor 0 y las cuotas dicen los nuevos montos y fechas."
        case .noteReasonNotForBoletas(let code):
            return "Una nota de crédito de motivo \(code) no se vincula a una boleta (SUNAT la observa): use 01 "
                + "(anulación), 06 (devolución total) o 07 (devolución por ítem)."
        case .exportMismatch:
            return "Una exportación (afectación 40, tipo de operación 0200) es una factura cuyas líneas son todas de "
                + "exportación: no mezcle líneas 40 con ventas internas."
        case .tax(let e): return e.message
        case .lineLimit(let line, let e): return "Línea \(line): " + e.message
        case .limit(let e): return e.message
        case .issueDate(let e): return e.message
        case .noteLimit(let e): return e.message
        case .series(let e): return e.message
        case .numberOutOfRange(let n): return "El número \(n) está fuera de rango: va de 1 a 99999999."
        case .invalidIssuerRUC(let e):
            return "El RUC del emisor no es válido (\(e.message)); corríjalo en los ajustes de facturación."
        case .facturaRequiresRUC:
            return "Una factura necesita un cliente con RUC válido; para un cliente con DNI, carné de extranjería "
                + "o pasaporte emita una boleta."
        case .invalidCustomerRUC(let e): return "El RUC del cliente no es válido: \(e.message)."
        case .invalidCustomerDocument(let e): return "El documento del cliente no es válido: \(e.message)."
        case .emptyCustomerName: return "Falta el nombre o la razón social del cliente."
        case .boletaRequiresCustomerDocument(let pen):
            return "Una boleta de más de S/ 700.00 debe identificar al cliente (DNI, carné de extranjería, pasaporte "
                + "o RUC); esta suma \(Money(pen, .pen).rounded().formatted)."
        case .exchangeRateRequired:
            return "Un comprobante en dólares necesita el tipo de cambio (soles por dólar) para comprobar los "
                + "límites en soles."
        case .noteDetailsMissing:
            return "Una nota de crédito o débito necesita el comprobante que modifica, el motivo y el sustento."
        case .noteDetailsNotAllowed:
            return "Solo las notas de crédito y débito llevan comprobante de referencia y motivo."
        case .referenceMustBeFacturaOrBoleta:
            return "Una nota solo puede modificar una factura o una boleta, no otra nota."
        case .rejectedBySunatRules(let document, let code, let message):
            return "SUNAT rechazaría \(document), código \(code): \(message) No se emitió: corrija el comprobante; "
                + "el número sigue libre."
        case .sunatRulesUnavailable(let detail): return detail
        case .referenceFamilyMismatch:
            return "La serie de la nota no corresponde al comprobante: una nota sobre una factura va en una serie F "
                + "(FC01, FD01), sobre una boleta en una serie B (BC01, BD01)."
        case .reasonDoesNotMatchKind:
            return "El motivo no corresponde al tipo de nota: la nota de crédito usa el catálogo 09 y la de débito "
                + "el catálogo 10."
        case .emptyNoteDescription: return "Falta el sustento de la nota: explique por qué se emite."
        case .detraccionOnlyOnFacturas: return "La detracción solo se aplica a facturas."
        case .detraccionRequiresService:
            return "La detracción se aplica a servicios: el comprobante no tiene ninguna línea de servicio."
        case .detraccionBelowThreshold(let pen):
            return "La detracción se aplica desde más de S/ 700.00; este comprobante suma "
                + "\(Money(pen, .pen).rounded().formatted). Quite la detracción."
        case .detraccionRateOutOfRange(let rate):
            return "El porcentaje de detracción (\(rate) %) debe ser mayor que 0 y como máximo 100."
        case .detraccionInvalidCode(let code):
            return "El código de detracción «\(code)» no es válido: son 3 dígitos del catálogo 54 (por ejemplo 037)."
        case .detraccionAccountMissing:
            return "Falta la cuenta de detracciones del Banco de la Nación: regístrela en los ajustes de facturación."
        case .operationTypeMismatch:
            return "El tipo de operación 1001 va con detracción y la detracción con el tipo 1001; corrija uno de los dos."
        case .noInstallments: return "Una venta al crédito necesita al menos una cuota."
        case .invalidInstallmentAmount(let i):
            return "Cuota \(i): el importe debe ser mayor que cero y con 2 decimales como máximo."
        case .installmentDueNotAfterIssue(let i):
            return "Cuota \(i): el vencimiento debe ser posterior a la fecha de emisión."
        case .installmentsDoNotMatchPending(let expected, let found):
            return "Las cuotas suman \(Self.plain(found)) y deben sumar \(Self.plain(expected)), el importe pendiente "
                + "(total menos detracción)."
        }
    }

    /// "1234.50": two decimals at least, as typed.
    static func plain(_ value: Decimal) -> String {
        let rounded = Money(value, .pen).rounded()
        return rounded.amount == value ? rounded.plainAmount : "\(value)"
    }
}

extension TaxError {
    /// Spanish text saying which figure is wrong and its allowed range. Never empty.
    public var message: String {
        switch self {
        case .negativeQuantity(let q): return "La cantidad no puede ser negativa (\(q))."
        case .negativePrice(let p): return "El precio unitario no puede ser negativo (\(p))."
        case .discountPercentOutOfRange(let p):
            return "El descuento de \(p) % no es válido: use un porcentaje entre 0 y 100."
        case .negativeDiscount(let a): return "El descuento no puede ser negativo (\(a))."
        case .discountExceedsAmount(let d, let a):
            return "El descuento (\(EDocumentError.plain(d))) supera el importe al que se aplica (\(EDocumentError.plain(a)))."
        case .limit(let e): return e.message
        }
    }
}

extension SeriesError {
    /// Spanish text saying what a series looks like. Never empty.
    public var message: String {
        switch self {
        case .wrongLength(let c): return "La serie «\(c)» debe tener 4 caracteres (por ejemplo F001 o B001)."
        case .notAlphanumeric(let c): return "La serie «\(c)» solo admite letras y dígitos."
        case .wrongPrefix(let c, let expected):
            return "La serie «\(c)» debe empezar con \(expected): F para facturas y sus notas, B para boletas y sus notas."
        }
    }
}

extension DocumentError {
    /// A lower-case fragment saying what is wrong with a document number ("el dígito verificador del RUC no
    /// coincide"), meant to follow the field's name: "RUC: …", "El RUC del cliente no es válido: …".
    public var message: String {
        switch self {
        case .empty: return "es obligatorio"
        case .notNumeric: return "solo admite dígitos"
        case .notAlphanumeric: return "solo admite letras y dígitos"
        case .wrongLength(let n): return "debe tener \(n) dígitos"
        case .tooLong(let n): return "admite hasta \(n) caracteres"
        case .invalidPrefix(let p): return "un RUC no empieza con \(p) (use 10, 15, 16, 17 o 20)"
        case .checkDigitMismatch: return "el dígito verificador del RUC no coincide"
        }
    }
}

extension BatchDocumentError {
    /// Spanish text for a resumen diario (RC) or comunicación de baja (RA) that cannot be sent. Never empty.
    public var message: String {
        switch self {
        case .invalidIssuerRUC(let e):
            return "El RUC del emisor no es válido (\(e.message)); corríjalo en los ajustes de facturación."
        case .noLines: return "No hay comprobantes que incluir."
        case .tooManyLines(let n):
            return "Son \(n) comprobantes y SUNAT acepta hasta \(SummaryDocument.maximumLines) por envío; divídalos."
        case .invalidSequence(let n): return "El correlativo del envío (\(n)) debe ser 1 o mayor."
        case .referenceDateAfterIssueDate:
            return "La fecha de los comprobantes no puede ser posterior a la fecha del envío."
        case .wrongFamily(let line):
            return "Comprobante \(line): el resumen diario lleva boletas y sus notas (series B); la comunicación "
                + "de baja, facturas y sus notas (series F)."
        case .noteWithoutReference(let line):
            return "Comprobante \(line): una nota necesita la boleta que modifica."
        case .emptyVoidReason(let line): return "Comprobante \(line): indique el motivo de la baja."
        }
    }
}
