import BytekModel
import Foundation

/// Everything a printed invoice shows, as text, taken from the document and its own figures
/// (`EDocument.amounts()`): nothing is recomputed here. Pure, so the wording is testable without
/// drawing; the A4 and ticket layouts only place these strings.
public struct InvoiceContent: Sendable {
    /// One row of the lines table.
    public struct Line: Sendable, Hashable {
        public var number: Int
        public var quantity: String
        public var unit: String
        public var description: String
        public var unitValue: String
        /// The line's own discount without IGV ("" when none): quantity × unit value − discount = line value.
        public var discount: String
        public var lineValue: String
    }

    /// One cuota of a credit sale.
    public struct Installment: Sendable, Hashable {
        public var number: Int
        public var amount: String
        public var dueDate: String
    }

    public let document: EDocument
    public let amounts: EDocumentAmounts
    /// "FACTURA ELECTRÓNICA", "BOLETA DE VENTA ELECTRÓNICA", "NOTA DE CRÉDITO ELECTRÓNICA"...
    public let title: String
    /// "F001-00000123": the series and the correlative padded to eight digits.
    public let printedNumber: String
    /// "Representación impresa de la FACTURA ELECTRÓNICA".
    public let legend: String
    /// The name in large type (trade name, else legal name), then the legal name when different.
    public let issuerDisplayName: String
    public let issuerLegalName: String
    /// "Av. Javier Prado Este 1234, San Isidro - Lima - Lima".
    public let issuerAddress: String
    /// "RUC", "DNI", "CE", "Pasaporte"...
    public let customerDocumentLabel: String
    public let issueDate: String
    public let issueTime: String
    /// "Soles (S/)" or "Dólares americanos (US$)".
    public let currencyText: String
    /// "Contado" or "Crédito".
    public let paymentForm: String
    public let installments: [Installment]
    public let lines: [Line]
    /// Label and formatted amount, in print order; the last is "Importe total".
    public let totals: [(String, String)]
    /// "SON: … SOLES".
    public let words: String
    /// Label/value pairs of the detracción block (empty without detracción).
    public let detraccion: [(String, String)]
    /// Label/value pairs of the modified document, the reason and its sustento (empty for facturas and boletas).
    public let note: [(String, String)]
    /// "Hash: …".
    public let hashLine: String
    /// The QR text (`SunatQRPayload`).
    public let qrText: String
    /// Printed across every page and under the title when the document is not valid (see `watermark(status:)`).
    public let watermark: String?

    /// The full detracción legend SUNAT asks for on the printed document.
    public static let detraccionLegend =
        "Operación sujeta al Sistema de Pago de Obligaciones Tributarias con el Gobierno Central"

    public init(_ data: InvoicePrintData) throws(InvoicePDFError) {
        let d = data.document
        let a: EDocumentAmounts
        do { a = try d.amounts() } catch { throw .amounts(error) }
        document = d
        amounts = a
        title = Self.title(d.kind)
        printedNumber = Self.printedNumber(series: d.series, number: d.number)
        legend = "Representación impresa de la " + title
        let trade = d.issuer.tradeName?.trimmingCharacters(in: .whitespaces) ?? ""
        issuerDisplayName = trade.isEmpty ? d.issuer.legalName : trade
        issuerLegalName = d.issuer.legalName
        let place = [d.issuer.address.district, d.issuer.address.province, d.issuer.address.department]
            .filter { !$0.isEmpty }.joined(separator: " - ")
        issuerAddress = [d.issuer.address.line, place].filter { !$0.isEmpty }.joined(separator: ", ")
        customerDocumentLabel = Self.documentLabel(d.customer.documentType)
        let day = d.issueDate
        issueDate = DocumentDate(year: day.year, month: day.month, day: day.day).formatted
        issueTime = d.issueTime
        currencyText = d.currency == .pen ? "Soles (S/)" : "Dólares americanos (US$)"
        switch d.paymentForm {
        case .contado:
            paymentForm = "Contado"
            installments = []
        case .credito(let cuotas):
            paymentForm = "Crédito"
            installments = cuotas.enumerated().map { i, c in
                Installment(number: i + 1, amount: Money(c.amount, d.currency).formatted,
                            dueDate: DocumentDate(year: c.dueDate.year, month: c.dueDate.month, day: c.dueDate.day).formatted)
            }
        }
        lines = zip(d.lines, a.lines).enumerated().map { i, pair in
            let (line, figures) = pair
            let free = line.affectation.isFree
            return Line(number: i + 1, quantity: DocumentFormat.quantity(line.quantity, maxDecimals: 10),
                        unit: line.unit.displayName,
                        description: line.description + (free ? " (transferencia gratuita)" : ""),
                        unitValue: Self.unitValue(free ? figures.referencePrice : figures.unitValue),
                        discount: figures.lineDiscount.isZero ? "" : figures.lineDiscount.formattedAmount,
                        lineValue: figures.lineValue.formattedAmount)
        }
        totals = Self.totalRows(a)
        words = a.words
        if let det = d.detraccion {
            var rows: [(String, String)] = [
                ("Bien o servicio", det.code), ("Porcentaje", DocumentFormat.percent(det.ratePercent)),
            ]
            if let pen = a.detraccionPEN { rows.append(("Monto detracción", pen.formatted)) }
            if d.currency != .pen, let doc = a.detraccionInDocumentCurrency {
                rows.append(("Equivalente", doc.formatted))
            }
            rows.append(("Cta. Banco de la Nación", det.account))
            detraccion = rows
        } else {
            detraccion = []
        }
        if let n = d.note {
            let reason: String
            switch n.reason {
            case .credit(let r): reason = r.code + " - " + r.displayName
            case .debit(let r): reason = r.code + " - " + r.displayName
            }
            note = [("Documento que modifica", Self.title(n.reference.kind) + " "
                        + Self.printedNumber(series: n.reference.series, number: n.reference.number)),
                    ("Motivo", reason), ("Sustento", n.description)]
        } else {
            note = []
        }
        hashLine = "Hash: " + data.digestValue
        qrText = SunatQRPayload.text(for: d, amounts: a, digestValue: data.digestValue)
        watermark = data.watermark
    }

    /// The issuer and customer order reference (quote number), when there is one.
    public var orderReference: String? {
        guard let r = document.orderReference?.trimmingCharacters(in: .whitespaces), !r.isEmpty else { return nil }
        return r
    }

    /// The payment form as printed: notes paid in cash do not state one (empty), everything else does.
    public var paymentFormShown: String {
        document.kind.isNote && installments.isEmpty ? "" : paymentForm
    }

    /// The customer's address, when known.
    public var customerAddress: String? {
        guard let a = document.customer.address?.trimmingCharacters(in: .whitespaces), !a.isEmpty else { return nil }
        return a
    }

    /// What remains to be paid after the detracción, shown for credit sales subject to it.
    public var pendingText: String? {
        guard document.detraccion != nil, case .credito = document.paymentForm else { return nil }
        return amounts.pending.formatted
    }

    // MARK: wording

    public static func title(_ kind: DocumentKind) -> String {
        switch kind {
        case .factura: return "FACTURA ELECTRÓNICA"
        case .boleta: return "BOLETA DE VENTA ELECTRÓNICA"
        case .notaCredito: return "NOTA DE CRÉDITO ELECTRÓNICA"
        case .notaDebito: return "NOTA DE DÉBITO ELECTRÓNICA"
        }
    }

    /// "F001-00000123".
    public static func printedNumber(series: Series, number: Int) -> String {
        let digits = String(number)
        return series.code + "-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    public static func documentLabel(_ type: CustomerDocumentType) -> String {
        switch type {
        case .ruc: return "RUC"
        case .dni: return "DNI"
        case .ce: return "C.E."
        case .passport: return "Pasaporte"
        case .nonDomiciled: return "Doc. no domiciliado"
        case .none: return "Doc."
        }
    }

    /// Op. gravadas, exoneradas, inafectas and gratuitas always; the global discount only when there
    /// is one; IGV; importe total. Straight from the document's figures. Line discounts are not
    /// repeated here: each printed line value already has its own discount taken off (its column), so
    /// the lines minus the global discount add up to the operations.
    public static func totalRows(_ a: EDocumentAmounts) -> [(String, String)] {
        let t = a.taxes
        var rows: [(String, String)] = [
            ("Op. gravadas", t.gravadas.formatted), ("Op. exoneradas", t.exoneradas.formatted),
            ("Op. inafectas", t.inafectas.formatted), ("Op. gratuitas", a.gratuitas.formatted),
        ]
        if !t.globalDiscount.isZero { rows.append(("Descuento global", t.globalDiscount.formatted)) }
        rows.append(("IGV 18%", t.igv.formatted))
        rows.append(("Importe total", a.total.formatted))
        return rows
    }

    /// A unit value with as many decimals as it has, from 2 up to SUNAT's 10 (prices entered with IGV
    /// give values like 84.7457627119); thousands grouped. See `DocumentFormat.unitAmount`.
    static func unitValue(_ m: Money) -> String { DocumentFormat.unitAmount(m) }

    /// The words printed across every page of a document that is not (or no longer) valid, by its
    /// SUNAT status: rejected, voided, or not yet accepted. Nil for an accepted document.
    public static func watermark(status: String) -> String? {
        switch status {
        case "aceptado", "observado": return nil
        case "rechazado": return "RECHAZADO — sin validez tributaria"
        case "anulado": return "ANULADO — sin validez tributaria"
        default: return "PENDIENTE DE ENVÍO A SUNAT"
        }
    }
}
