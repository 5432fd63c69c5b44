import BytekModel
import BytekStore
import Foundation

/// The JSON that `bytek invoice issue --file` reads. Amounts are strings ("118.00") so they stay exact.
///
/// ```json
/// {"kind": "01", "series": "F001", "currency": "PEN", "orderReference": "COT-2026-0001",
///  "customer": {"documentType": "6", "number": "20100070970", "name": "CLIENTE S.A.C.", "address": "Av. Lima 1"},
///  "lines": [{"description": "Soporte", "quantity": "1", "unitPrice": "100.00", "unit": "ZZ",
///             "affectation": "10", "priceIncludesIGV": false, "itemKind": "service", "discount": {"percent": "5"}}],
///  "globalDiscount": {"amount": "10.00"}, "operationType": "1001", "detraccion": {"code": "037", "rate": "12"},
///  "paymentForm": "credito", "installments": [{"amount": "300.00", "dueDate": "2026-12-26"}]}
/// ```
/// Notes (kind "07" or "08") add `"reference": "F001-12"`, `"reason": "01"` (catálogo 09 or 10) and
/// `"description"`; their customer, currency and series default to the referenced document's (the series
/// configured for the kind, with the first letter of the reference's family: FC01 → BC01 for a boleta).
/// `series` defaults to the settings' series for the kind; `issuedAt` (AAAA-MM-DD or ISO-8601 with any
/// offset; a Lima day from today back to SUNAT's window, see `IssueDateRule`) to now; the detracción
/// account comes from the settings. An `exchangeRate` outside 2.5–6 needs `"confirmExchangeRate": true`.
struct InvoiceInput: Decodable {
    struct Line: Decodable {
        var description: String
        var quantity: String
        var unitPrice: String
        var unit: String?
        var affectation: String?
        var priceIncludesIGV: Bool?
        var itemCode: String?
        var itemKind: String?
        var discount: DiscountInput?
    }
    /// `{"percent": "10"}` or `{"amount": "50.00"}`.
    struct DiscountInput: Decodable {
        var percent: String?
        var amount: String?
    }
    struct InstallmentInput: Decodable {
        var amount: String
        var dueDate: String
    }
    struct DetraccionInput: Decodable {
        var code: String?
        var rate: String?
    }
    var kind: String
    var series: String?
    var issuedAt: String?
    var customer: DocumentCustomer?
    var currency: String?
    var exchangeRate: String?
    /// True confirms an exchange rate outside 2.5–6 soles per dollar (`AmountLimits.exchangeRateBand`).
    var confirmExchangeRate: Bool?
    var orderReference: String?
    var lines: [Line]
    var globalDiscount: DiscountInput?
    var operationType: String?
    var paymentForm: String?
    var installments: [InstallmentInput]?
    var detraccion: DetraccionInput?
    var reference: String?
    var reason: String?
    var description: String?

    /// The referenced document of a note, as the store has it.
    struct Referenced {
        var record: EDocumentRecord
        var document: EDocument?
    }

    /// The document (number 1 as a placeholder; numbering assigns the real one). `referenced` is the
    /// document a note modifies, already checked by the caller.
    func document(settings: EInvoicingSettings, referenced: Referenced?) throws -> EDocument {
        guard let k = DocumentKind(rawValue: kind) else {
            throw CLIError.failure("tipo de comprobante desconocido: «\(kind)» (use 01 factura, 03 boleta, 07 nota de crédito, 08 nota de débito)")
        }
        let s = try resolveSeries(k, settings: settings, referenced: referenced)
        var date = ProcessClock.now()
        if let issuedAt {
            guard let d = LimaTime.parse(issuedAt) else {
                throw CLIError.failure("issuedAt: fecha no válida: «\(issuedAt)» (use AAAA-MM-DD o ISO-8601: "
                    + "2026-11-26T10:30:00-05:00 o 2026-11-26T15:30:00Z)")
            }
            date = d
        }
        let cur: Currency
        if let currency {
            guard let c = Currency(rawValue: currency.uppercased()) else { throw CLIError.failure("moneda no válida: «\(currency)» (use PEN o USD)") }
            cur = c
        } else {
            cur = referenced?.record.currency ?? .pen
        }
        guard let buyer = customer ?? referenced?.document?.customer else {
            throw CLIError.failure("falta el cliente («customer» con documentType, number y name)")
        }
        var docLines: [EDocumentLine] = []
        for (i, l) in lines.enumerated() { docLines.append(try line(l, index: i + 1)) }
        let rate = try exchangeRate.map { try Self.decimal($0, "tipo de cambio") }
        if let rate {
            do { try AmountLimits.checkExchangeRate(rate, confirmed: confirmExchangeRate ?? false) } catch {
                throw CLIError.failure("exchangeRate: " + error.message
                    + (error.needsConfirmation ? " Si es correcto, confírmelo con \"confirmExchangeRate\": true." : ""))
            }
        }
        let detraccionValue = try detraccion.map { d -> Detraccion in
            Detraccion(code: d.code ?? QuoteInvoicing.detraccionCode,
                       ratePercent: try d.rate.map { try Self.decimal($0, "porcentaje de detracción") } ?? QuoteInvoicing.detraccionRatePercent,
                       account: settings.detraccionAccount)
        }
        var operation: OperationType?
        if let operationType {
            guard let o = OperationType(rawValue: operationType) else {
                throw CLIError.failure("tipo de operación no admitido: «\(operationType)» (use 0101 venta interna, 0200 exportación o 1001 sujeta a detracción)")
            }
            operation = o
        }
        var doc = EDocument(kind: k, series: s, number: 1, issuedAt: date, issuer: settings.issuer, customer: buyer,
                            currency: cur, lines: docLines, globalDiscount: try Self.discount(globalDiscount, "descuento global"),
                            operationType: operation, paymentForm: try payment(), detraccion: detraccionValue,
                            exchangeRate: rate, orderReference: orderReference)
        if k.isNote {
            guard let referenced else { throw CLIError.failure("una nota necesita «reference» (el comprobante que modifica, como F001-12)") }
            doc.note = try note(k, referenced.record)
        } else if reference != nil || reason != nil {
            throw CLIError.failure(EDocumentError.noteDetailsNotAllowed.message)
        }
        return doc
    }

    private func resolveSeries(_ k: DocumentKind, settings: EInvoicingSettings, referenced: Referenced?) throws -> Series {
        var code = series ?? settings.series(for: k)
        if series == nil, k.isNote, let configured = code, let ref = try? Series(referenced?.record.series ?? "") {
            // One configured note series per kind: a note on a boleta takes the B twin of the F series.
            code = String(ref.family.prefix) + configured.dropFirst()
        }
        guard let code else { throw CLIError.failure("no hay serie configurada para \(k.displayName): indique «series»") }
        do { return try Series(code, for: k) } catch { throw CLIError.failure(error.message) }
    }

    private func line(_ l: Line, index i: Int) throws -> EDocumentLine {
        let q = try Self.decimal(l.quantity, "línea \(i): cantidad")
        let p = try Self.decimal(l.unitPrice, "línea \(i): precio unitario")
        do {
            try AmountLimits.checkQuantity(q)
            try AmountLimits.checkUnitPrice(p)
        } catch { throw CLIError.failure("línea \(i): " + error.message) }
        let code = l.affectation ?? "10"
        let affectation: LineAffectation
        switch code {
        case "10": affectation = .onerous(.gravado)
        case "20": affectation = .onerous(.exonerado)
        case "30": affectation = .onerous(.inafecto)
        case "40": affectation = .export
        default:
            guard let free = FreeTransferCode(rawValue: code) else {
                throw CLIError.failure("línea \(i): afectación del IGV no admitida: «\(code)» (use 10, 20, 30, 40 exportación o una gratuita 11–16, 21, 31–37)")
            }
            affectation = .free(free)
        }
        guard let unit = SunatUnit(rawValue: l.unit ?? "NIU") else {
            throw CLIError.failure("línea \(i): unidad desconocida: «\(l.unit ?? "")» (use \(SunatUnit.allCases.map(\.code).joined(separator: ", ")))")
        }
        var itemKind = ItemKind.product
        if let k = l.itemKind {
            guard let parsed = ItemKind(rawValue: k) else {
                throw CLIError.failure("línea \(i): itemKind desconocido: «\(k)» (use product, service o subscription)")
            }
            itemKind = parsed
        }
        return EDocumentLine(description: l.description, quantity: q, unit: unit, unitPrice: p,
                             priceIncludesIGV: l.priceIncludesIGV ?? false, affectation: affectation,
                             discount: try Self.discount(l.discount, "línea \(i): descuento"), itemCode: l.itemCode,
                             itemKind: itemKind)
    }

    private func payment() throws -> PaymentForm {
        switch (paymentForm ?? (installments == nil ? "contado" : "credito")).lowercased() {
        case "contado":
            guard installments?.isEmpty ?? true else { throw CLIError.failure("las cuotas («installments») solo van con «paymentForm»: «credito»") }
            return .contado
        case "credito", "crédito":
            var cuotas: [Installment] = []
            for (i, c) in (installments ?? []).enumerated() {
                guard let due = LocalDate(c.dueDate) else {
                    throw CLIError.failure("cuota \(i + 1): fecha de vencimiento no válida: «\(c.dueDate)» (use AAAA-MM-DD)")
                }
                cuotas.append(Installment(amount: try Self.decimal(c.amount, "cuota \(i + 1): importe"), dueDate: due))
            }
            return .credito(cuotas)
        default:
            throw CLIError.failure("forma de pago no válida: «\(paymentForm ?? "")» (use contado o credito)")
        }
    }

    private func note(_ k: DocumentKind, _ ref: EDocumentRecord) throws -> NoteDetails {
        guard let reasonCode = reason else {
            throw CLIError.failure("falta «reason»: el motivo de la nota (catálogo 09 para crédito, 10 para débito)")
        }
        let noteReason: NoteReason
        if k == .notaCredito {
            guard let r = CreditNoteReason(rawValue: reasonCode) else {
                throw CLIError.failure("motivo de nota de crédito no admitido: «\(reasonCode)» (use "
                    + CreditNoteReason.allCases.map { "\($0.code) \($0.displayName)" }.joined(separator: ", ") + ")")
            }
            noteReason = .credit(r)
        } else {
            guard let r = DebitNoteReason(rawValue: reasonCode) else {
                throw CLIError.failure("motivo de nota de débito no admitido: «\(reasonCode)» (use "
                    + DebitNoteReason.allCases.map { "\($0.code) \($0.displayName)" }.joined(separator: ", ") + ")")
            }
            noteReason = .debit(r)
        }
        let refSeries: Series
        do { refSeries = try Series(ref.series) } catch { throw CLIError.failure(error.message) }
        return NoteDetails(reference: DocumentReference(kind: ref.kind, series: refSeries, number: ref.number),
                           reason: noteReason, description: description ?? "")
    }

    static func decimal(_ text: String, _ what: String) throws -> Decimal {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else {
            throw CLIError.failure("\(what): «\(text)» no es un número (use punto decimal: 1234.50)")
        }
        return d
    }

    static func discount(_ input: DiscountInput?, _ what: String) throws -> Discount {
        guard let input else { return .none }
        switch (input.percent, input.amount) {
        case (nil, nil): return .none
        case (let p?, nil): return .percent(try decimal(p, what))
        case (nil, let a?): return .amount(try decimal(a, what))
        default: throw CLIError.failure("\(what): indique «percent» o «amount», no ambos")
        }
    }
}
