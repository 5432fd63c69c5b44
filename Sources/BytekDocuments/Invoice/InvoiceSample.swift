import BytekModel
import Foundation

/// Realistic electronic documents of every kind for the tests, the benchmark and previews:
/// facturas in soles and dollars, with detracción or cuotas, boletas and notes. Their figures are
/// the model's own (`EDocument.amounts()`); nothing is computed here.
public enum InvoiceSample {
    public static let issuer = Issuer(
        ruc: RUC.complete("2060123456") ?? "", legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", tradeName: "BYTEK",
        address: FiscalAddress(ubigeo: "150122", line: "Av. José Larco 1232, Of. 504", district: "Miraflores",
                               province: "Lima", department: "Lima"))

    public static let company = BytekModel.DocumentCustomer(
        documentType: .ruc, number: RUC.complete("2051234567") ?? "", name: "Compañía Minera Peñasco Azul S.A.A.",
        address: "Jr. Cañete 345, Cercado de Lima, Lima")

    public static let person = BytekModel.DocumentCustomer(
        documentType: .dni, number: "45678912", name: "Begoña Ávila Muñoz", address: "Calle Los Ñandúes 120, Surco")

    /// 26/11/2026 10:30:05 in Lima.
    public static let issuedAt = LimaTime.instant(LocalDate(year: 2026, month: 11, day: 26) ?? LocalDate(daysSinceEpoch: 0),
                                                  hour: 10, minute: 30, second: 5)

    public static let digestValue = "k3Jx9Qh0fQ2mZpV7sL1aYwT8cRb5nE4uDi6oGzA0H+Y="

    private static let items: [(String, SunatUnit, ItemKind, String)] = [
        ("Switch administrable Cisco CBS350 24 puertos PoE+", .unit, .product, "2890.00"),
        ("Implementación de facturación electrónica y conciliación bancaria", .hour, .service, "110.00"),
        ("Access point Ubiquiti UniFi U6 Pro (montaje en techo)", .unit, .product, "789.90"),
        ("Soporte técnico mensual – mesa de ayuda y mantenimiento", .month, .service, "1450.00"),
        ("Caja de cable UTP Cat. 6 (305 m), certificación incluida", .box, .product, "615.50"),
        ("Capacitación a usuarios: módulo de cobranzas y contabilidad", .hour, .service, "95.00"),
        ("Licencia anual de antivirus corporativo ESET (año)", .year, .service, "185.00"),
        ("Gabinete de pared 12U con bandeja y ventilación", .unit, .product, "1120.00"),
    ]

    /// `count` lines cycling through realistic items, numbered so each description is unique.
    public static func lines(_ count: Int, affectation: LineAffectation = .onerous(.gravado)) -> [EDocumentLine] {
        (0..<count).map { i in
            let (name, unit, kind, price) = items[i % items.count]
            return EDocumentLine(description: count > items.count ? "\(name) · ítem \(i + 1)" : name,
                                 quantity: Decimal(i % 3 + 1), unit: unit, unitPrice: Decimal(string: price) ?? 1,
                                 affectation: affectation, itemCode: "BYT-\(1000 + i)", itemKind: kind)
        }
    }

    /// A factura F001-123 with `lineCount` gravado lines.
    public static func factura(lineCount: Int = 6, currency: Currency = .pen,
                               paymentForm: PaymentForm = .contado, detraccion: Detraccion? = nil,
                               lines custom: [EDocumentLine]? = nil) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 123, issuedAt: issuedAt,
                  issuer: issuer, customer: company, currency: currency, lines: custom ?? lines(lineCount),
                  paymentForm: paymentForm, detraccion: detraccion,
                  exchangeRate: currency == .usd ? Decimal(string: "3.75") : nil, orderReference: "COT-2026-00042")
    }

    /// A boleta B001-7 to a person.
    public static func boleta(lineCount: Int = 3) throws -> EDocument {
        EDocument(kind: .boleta, series: try Series("B001", for: .boleta), number: 7, issuedAt: issuedAt,
                  issuer: issuer, customer: person, lines: lines(lineCount))
    }

    /// A nota de crédito FC01-4 that cancels factura F001-123.
    public static func creditNote() throws -> EDocument {
        let reference = DocumentReference(kind: .factura, series: try Series("F001", for: .factura), number: 123)
        return EDocument(kind: .notaCredito, series: try Series("FC01", for: .notaCredito), number: 4, issuedAt: issuedAt,
                         issuer: issuer, customer: company, lines: lines(2),
                         note: NoteDetails(reference: reference, reason: .credit(.anulacion),
                                           description: "Anulación por error en el RUC del adquirente"))
    }

    /// A nota de débito FD01-2 for late-payment interest on factura F001-123.
    public static func debitNote() throws -> EDocument {
        let reference = DocumentReference(kind: .factura, series: try Series("F001", for: .factura), number: 123)
        return EDocument(kind: .notaDebito, series: try Series("FD01", for: .notaDebito), number: 2, issuedAt: issuedAt,
                         issuer: issuer, customer: company,
                         lines: [EDocumentLine(description: "Intereses moratorios de 15 días", quantity: 1,
                                               unit: .service, unitPrice: 120, itemKind: .service)],
                         note: NoteDetails(reference: reference, reason: .debit(.interesesPorMora),
                                           description: "Intereses por pago fuera de plazo"))
    }

    /// Two cuotas that add up to `document`'s pending amount (30 and 60 days after issue).
    public static func installments(for document: EDocument) throws -> [Installment] {
        let pending = try document.amounts().pending
        let first = Money(pending.amount / 2, pending.currency).rounded()
        let day = document.issueDate
        return [Installment(amount: first.amount, dueDate: day.adding(days: 30)),
                Installment(amount: (pending - first).amount, dueDate: day.adding(days: 60))]
    }
}
