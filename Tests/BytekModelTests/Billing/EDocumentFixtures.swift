import Foundation
@testable import BytekModel

/// Builders for electronic documents in the model tests. RUCs are completed with their real
/// check digit, so a test that expects a refusal fails for the reason it names.
enum EDocumentFixtures {
    static let issuerRUC = RUC.complete("2060012345") ?? ""
    static let customerRUC = RUC.complete("2010045452") ?? ""

    static let issuer = Issuer(
        ruc: issuerRUC, legalName: "BYTEK SOLUCIONES S.A.C.", tradeName: "BYTEK",
        address: FiscalAddress(ubigeo: "150131", line: "Av. Javier Prado Este 1234", district: "San Isidro",
                               province: "Lima", department: "Lima"))

    static let rucCustomer = DocumentCustomer(documentType: .ruc, number: customerRUC, name: "CLIENTE DEMO S.A.",
                                              address: "Av. Arequipa 100, Lima")
    static let dniCustomer = DocumentCustomer(documentType: .dni, number: "45678912", name: "María Quispe")

    static let day = LocalDate(year: 2026, month: 11, day: 26) ?? LocalDate(daysSinceEpoch: 0)
    static let issuedAt = LimaTime.instant(day, hour: 10, minute: 30, second: 5)

    static func series(_ code: String, _ kind: DocumentKind) -> Series {
        (try? Series(code, for: kind)) ?? { fatalError("fixture series \(code)") }()
    }

    static func line(_ qty: Decimal, _ price: Decimal, _ affectation: LineAffectation = .onerous(.gravado),
                     includesIGV: Bool = false, discount: Discount = .none, kind: ItemKind = .product,
                     description: String = "Ítem") -> EDocumentLine {
        EDocumentLine(description: description, quantity: qty, unit: kind == .product ? .unit : .service,
                      unitPrice: price, priceIncludesIGV: includesIGV, affectation: affectation,
                      discount: discount, itemCode: "SKU-1", itemKind: kind)
    }

    static func factura(_ lines: [EDocumentLine], currency: Currency = .pen, globalDiscount: Discount = .none,
                        payment: PaymentForm = .contado, detraccion: Detraccion? = nil,
                        exchangeRate: Decimal? = nil) -> EDocument {
        EDocument(kind: .factura, series: series("F001", .factura), number: 123, issuedAt: issuedAt, issuer: issuer,
                  customer: rucCustomer, currency: currency, lines: lines, globalDiscount: globalDiscount,
                  paymentForm: payment, detraccion: detraccion, exchangeRate: exchangeRate, orderReference: "COT-2026-0042")
    }

    static func boleta(_ lines: [EDocumentLine], customer: DocumentCustomer = .anonymous(),
                       currency: Currency = .pen, exchangeRate: Decimal? = nil) -> EDocument {
        EDocument(kind: .boleta, series: series("B001", .boleta), number: 7, issuedAt: issuedAt, issuer: issuer,
                  customer: customer, currency: currency, lines: lines, exchangeRate: exchangeRate)
    }

    static func creditNote(on reference: DocumentReference, series code: String = "FC01",
                           reason: CreditNoteReason = .anulacion, customer: DocumentCustomer = rucCustomer) -> EDocument {
        EDocument(kind: .notaCredito, series: series(code, .notaCredito), number: 1, issuedAt: issuedAt, issuer: issuer,
                  customer: customer, lines: [line(1, 100)],
                  note: NoteDetails(reference: reference, reason: .credit(reason), description: "Anulación por error"))
    }

    static let facturaReference = DocumentReference(kind: .factura, series: series("F001", .factura), number: 123)
    static let boletaReference = DocumentReference(kind: .boleta, series: series("B001", .boleta), number: 7)
}
