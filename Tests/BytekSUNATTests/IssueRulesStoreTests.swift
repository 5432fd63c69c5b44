import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekSUNAT

/// The rules checked inside the issuing transaction against what is already stored: issue dates
/// (SUNAT's window, never the future, date order within a series) and what credit notes may still
/// credit. A refused document takes no number.
@Suite("Issuing: dates and credit limits against the stored documents")
struct IssueRulesStoreTests {
    static func dated(_ day: LocalDate, hour: Int = 10) throws -> EDocument {
        var doc = try BillingFixture.factura()
        doc.issuedAt = LimaTime.instant(day, hour: hour)
        return doc
    }

    @Test func facturasDatedOutsideTheWindowTakeNoNumber() throws {
        let f = try BillingFixture()
        let today = LimaTime.date(Date())
        for year in [2020, 2030] {
            let doc = try Self.dated(LocalDate(year: year, month: today.month, day: min(today.day, 28))!)
            #expect(throws: EDocumentError.self) { try f.repository.issue(doc, prepare: StoreBillingTests.fakePrepare) }
        }
        #expect(throws: EDocumentError.issueDate(.future(issueDate: today.adding(days: 1), today: today))) {
            try f.repository.issue(try Self.dated(today.adding(days: 1), hour: 0), prepare: StoreBillingTests.fakePrepare)
        }
        #expect(try Numbering.last("F001", in: f.store.db) == 0)
        // Three days back is still inside SUNAT's window.
        let r = try f.repository.issue(try Self.dated(today.adding(days: -3)), prepare: StoreBillingTests.fakePrepare)
        #expect(r.number == 1)
    }

    @Test func numbersStayInDateOrderWithinASeries() throws {
        let f = try BillingFixture()
        let today = LimaTime.date(Date())
        _ = try f.repository.issue(try Self.dated(today.adding(days: -1)), prepare: StoreBillingTests.fakePrepare)
        _ = try f.repository.issue(try BillingFixture.factura(), prepare: StoreBillingTests.fakePrepare)
        #expect(throws: EDocumentError.issueDate(.beforeLastInSeries(issueDate: today.adding(days: -1), last: today,
                                                                      series: "F001"))) {
            try f.repository.issue(try Self.dated(today.adding(days: -1)), prepare: StoreBillingTests.fakePrepare)
        }
        #expect(try Numbering.last("F001", in: f.store.db) == 2)
    }

    static func creditNote(on r: EDocumentRecord, price: Decimal, reason: CreditNoteReason = .descuentoGlobal,
                           currency: Currency = .pen) throws -> EDocument {
        EDocument(kind: .notaCredito, series: try Series("FC01", for: .notaCredito), number: 1, issuedAt: Date(),
                  issuer: BillingFixture.issuer,
                  customer: DocumentCustomer(documentType: .ruc, number: BillingFixture.customerRUC, name: "CLIENTE S.A.C."),
                  currency: currency,
                  lines: [EDocumentLine(description: "Descuento", quantity: 1, unit: .service, unitPrice: price,
                                        itemKind: .service)],
                  note: NoteDetails(reference: DocumentReference(kind: .factura, series: try Series(r.series), number: r.number),
                                    reason: .credit(reason), description: "Descuento concedido"))
    }

    @Test func creditNotesNeverCreditMoreThanIsLeft() throws {
        let f = try BillingFixture()
        let original = try f.repository.issue(try BillingFixture.factura(price: 1000), prepare: StoreBillingTests.fakePrepare)
        try f.repository.recordAnswer(id: original.id, status: .aceptado, cdrZip: nil, responseCode: "0",
                                      description: "aceptada", observations: [])
        // 1,180.00 in all: 500 + 18 % now, then a note that is rejected (it does not count), then the rest.
        let first = try f.repository.issue(try Self.creditNote(on: original, price: 500), prepare: StoreBillingTests.fakePrepare)
        let rejected = try f.repository.issue(try Self.creditNote(on: original, price: 400), prepare: StoreBillingTests.fakePrepare)
        try f.repository.recordAnswer(id: rejected.id, status: .rechazado, cdrZip: nil, responseCode: "2017",
                                      description: "rechazada", observations: [])
        #expect(throws: EDocumentError.noteLimit(.exceedsCreditable(
            document: original.documentID, remaining: Money(Decimal(590), .pen), requested: Money(Decimal(string: "590.01")!, .pen)))) {
            try f.repository.issue(try Self.creditNote(on: original, price: Decimal(string: "500.01")!),
                                   prepare: StoreBillingTests.fakePrepare)
        }
        let last = try f.repository.issue(try Self.creditNote(on: original, price: 500), prepare: StoreBillingTests.fakePrepare)
        #expect([first.number, rejected.number, last.number] == [Int](1...3))
        #expect(throws: EDocumentError.self) {
            try f.repository.issue(try Self.creditNote(on: original, price: Decimal(string: "0.01")!),
                                   prepare: StoreBillingTests.fakePrepare)
        }
        #expect(throws: EDocumentError.noteLimit(.currencyMismatch(note: .usd, document: .pen))) {
            var usd = try Self.creditNote(on: original, price: 1, currency: .usd)
            usd.exchangeRate = Decimal(string: "3.75")
            try f.repository.issue(usd, prepare: StoreBillingTests.fakePrepare)
        }
        #expect(try Numbering.last("FC01", in: f.store.db) == 3)
    }
}
