import Foundation
import Testing
@testable import BytekModel

/// Each rule is broken alone and must be refused with its own error.
@Suite struct EDocumentValidationTests {
    typealias F = EDocumentFixtures

    private func refusal(_ doc: EDocument) -> EDocumentError? {
        do { try doc.validate(); return nil } catch { return error }
    }

    @Test func validDocumentsPass() throws {
        try F.factura([F.line(1, 10)]).validate()
        try F.boleta([F.line(1, 10)]).validate()
        try F.creditNote(on: F.facturaReference).validate()
    }

    @Test func seriesRules() {
        #expect(throws: SeriesError.wrongPrefix("B001", expected: "F")) { try Series("B001", for: .factura) }
        #expect(throws: SeriesError.wrongPrefix("F001", expected: "B")) { try Series("F001", for: .boleta) }
        #expect(throws: SeriesError.wrongLength("F01")) { try Series("F01", for: .factura) }
        #expect(throws: SeriesError.notAlphanumeric("F-01")) { try Series("F-01", for: .factura) }
        #expect(throws: SeriesError.wrongPrefix("X001", expected: "F o B")) { try Series("X001") }
        #expect((try? Series("fc01", for: .notaCredito))?.code == "FC01")
        #expect((try? Series("BD01", for: .notaDebito))?.family == .boleta)
        #expect((try? Series("F002", for: .notaCredito))?.family == .factura)
    }

    @Test func seriesMustSuitTheKind() {
        var doc = F.factura([F.line(1, 10)])
        doc.series = F.series("B001", .boleta)
        #expect(refusal(doc) == .series(.wrongPrefix("B001", expected: "F")))
    }

    @Test func atLeastOneLine() {
        #expect(refusal(F.factura([])) == .noLines)
    }

    @Test func quantitiesArePositive() {
        #expect(refusal(F.factura([F.line(1, 10), F.line(0, 10)])) == .nonPositiveQuantity(line: 2))
        #expect(refusal(F.factura([F.line(-1, 10)])) == .nonPositiveQuantity(line: 1))
    }

    @Test func linesNeedADescription() {
        #expect(refusal(F.factura([F.line(1, 10, description: "  ")])) == .emptyDescription(line: 1))
    }

    @Test func freeLinesHaveNoDiscount() {
        let l = F.line(1, 10, .free(.inafectoRetiro), discount: .percent(10))
        #expect(refusal(F.factura([l])) == .discountOnFreeLine(line: 1))
    }

    @Test func discountErrorsComeFromTheTaxEngine() {
        #expect(refusal(F.factura([F.line(1, 10, discount: .percent(120))])) == .tax(.discountPercentOutOfRange(120)))
    }

    @Test func numberRange() {
        var doc = F.factura([F.line(1, 10)])
        doc.number = 0
        #expect(refusal(doc) == .numberOutOfRange(0))
        doc.number = 100_000_000
        #expect(refusal(doc) == .numberOutOfRange(100_000_000))
    }

    @Test func issuerRUCMustBeValid() throws {
        var doc = F.factura([F.line(1, 10)])
        let last = try #require(F.issuerRUC.last?.wholeNumberValue)
        doc.issuer.ruc = String(F.issuerRUC.dropLast()) + String((last + 1) % 10)
        #expect(refusal(doc) == .invalidIssuerRUC(.checkDigitMismatch))
        doc.issuer.ruc = "2060012345"
        #expect(refusal(doc) == .invalidIssuerRUC(.wrongLength(expected: 11)))
    }

    @Test func facturaNeedsACustomerWithRUC() {
        var doc = F.factura([F.line(1, 10)])
        doc.customer = F.dniCustomer
        #expect(refusal(doc) == .facturaRequiresRUC)
        doc.customer = .anonymous()
        #expect(refusal(doc) == .facturaRequiresRUC)
    }

    @Test func facturaCustomerRUCCheckDigit() throws {
        var doc = F.factura([F.line(1, 10)])
        let last = try #require(F.customerRUC.last?.wholeNumberValue)
        doc.customer.number = String(F.customerRUC.dropLast()) + String((last + 1) % 10)
        #expect(refusal(doc) == .invalidCustomerRUC(.checkDigitMismatch))
    }

    @Test func boletaOver700NeedsTheCustomersDocument() throws {
        // 600.00 + 108.00 IGV = 708.00 > 700: the anonymous buyer is refused, a DNI is accepted.
        let anonymous = F.boleta([F.line(1, 600)])
        #expect(refusal(anonymous) == .boletaRequiresCustomerDocument(totalPEN: 708))
        try F.boleta([F.line(1, 600)], customer: F.dniCustomer).validate()
        // 500.00 + 90.00 = 590.00 ≤ 700: no document needed.
        try F.boleta([F.line(1, 500)]).validate()
    }

    @Test func boletaLimitInDollarsUsesTheExchangeRate() throws {
        // US$ 200 + 36 = 236.00 × 3.00 = S/ 708.00 > 700; without a rate it cannot be decided.
        #expect(refusal(F.boleta([F.line(1, 200)], currency: .usd)) == .exchangeRateRequired)
        #expect(refusal(F.boleta([F.line(1, 200)], currency: .usd, exchangeRate: 3))
                == .boletaRequiresCustomerDocument(totalPEN: 708))
        // × 2.90 = S/ 684.40 ≤ 700.
        try F.boleta([F.line(1, 200)], currency: .usd, exchangeRate: Decimal(string: "2.9")).validate()
    }

    @Test func boletaCustomerDocumentMustBeValid() {
        let bad = DocumentCustomer(documentType: .dni, number: "1234", name: "Ana")
        #expect(refusal(F.boleta([F.line(1, 10)], customer: bad)) == .invalidCustomerDocument(.wrongLength(expected: 8)))
    }

    @Test func customerNeedsAName() {
        var doc = F.factura([F.line(1, 10)])
        doc.customer.name = " "
        #expect(refusal(doc) == .emptyCustomerName)
    }

    @Test func notesReferenceTheirOwnFamily() {
        // FC01 refers to facturas: a boleta reference is refused, and BC01 on a factura too.
        #expect(refusal(F.creditNote(on: F.boletaReference)) == .referenceFamilyMismatch)
        #expect(refusal(F.creditNote(on: F.facturaReference, series: "BC01", customer: F.dniCustomer))
                == .referenceFamilyMismatch)
        let mismatched = DocumentReference(kind: .factura, series: F.series("B001", .boleta), number: 1)
        #expect(refusal(F.creditNote(on: mismatched)) == .referenceFamilyMismatch)
        #expect((try? F.creditNote(on: F.boletaReference, series: "BC01", customer: F.dniCustomer).validate()) != nil)
    }

    @Test func notesReferenceFacturasOrBoletas() {
        let noteRef = DocumentReference(kind: .notaCredito, series: F.series("FC01", .notaCredito), number: 1)
        #expect(refusal(F.creditNote(on: noteRef)) == .referenceMustBeFacturaOrBoleta)
    }

    @Test func noteDetailsPresence() {
        var note = F.creditNote(on: F.facturaReference)
        note.note = nil
        #expect(refusal(note) == .noteDetailsMissing)
        var factura = F.factura([F.line(1, 10)])
        factura.note = F.creditNote(on: F.facturaReference).note
        #expect(refusal(factura) == .noteDetailsNotAllowed)
    }

    @Test func reasonMatchesTheNoteKind() {
        var doc = F.creditNote(on: F.facturaReference)
        doc.note?.reason = .debit(.interesesPorMora)
        #expect(refusal(doc) == .reasonDoesNotMatchKind)
        doc.note?.reason = .credit(.descuentoGlobal)
        doc.note?.description = ""
        #expect(refusal(doc) == .emptyNoteDescription)
    }

    @Test func detraccionOnlyOnFacturasOfServicesOver700() {
        let d = Detraccion(account: "00-123-456789")
        // 1,000 service on a boleta.
        var boleta = F.boleta([F.line(1, 1000, kind: .service)], customer: F.dniCustomer)
        boleta.detraccion = d
        boleta.operationType = .sujetaADetraccion
        #expect(refusal(boleta) == .detraccionOnlyOnFacturas)
        // Goods only.
        #expect(refusal(F.factura([F.line(1, 1000)], detraccion: d)) == .detraccionRequiresService)
        // 500 + 90 = 590.00 ≤ 700.
        #expect(refusal(F.factura([F.line(1, 500, kind: .service)], detraccion: d)) == .detraccionBelowThreshold(totalPEN: 590))
        // In dollars without a rate.
        #expect(refusal(F.factura([F.line(1, 500, kind: .service)], currency: .usd, detraccion: d)) == .exchangeRateRequired)
    }

    @Test func detraccionFields() {
        let service = [F.line(1, 1000, kind: .service)]
        #expect(refusal(F.factura(service, detraccion: Detraccion(ratePercent: 0, account: "1"))) == .detraccionRateOutOfRange(0))
        #expect(refusal(F.factura(service, detraccion: Detraccion(code: "37", account: "1"))) == .detraccionInvalidCode("37"))
        #expect(refusal(F.factura(service, detraccion: Detraccion(account: " "))) == .detraccionAccountMissing)
    }

    @Test func operationTypeGoesWithDetraccion() {
        var doc = F.factura([F.line(1, 1000, kind: .service)])
        doc.operationType = .sujetaADetraccion
        #expect(refusal(doc) == .operationTypeMismatch)
        doc = F.factura([F.line(1, 1000, kind: .service)], detraccion: Detraccion(account: "00-1"))
        doc.operationType = .ventaInterna
        #expect(refusal(doc) == .operationTypeMismatch)
    }

    @Test func cuotasRules() {
        // Total 3 × 100 + 18% = 354.00.
        let lines = [F.line(3, 100)]
        let later = F.day.adding(days: 30)
        #expect(refusal(F.factura(lines, payment: .credito([]))) == .noInstallments)
        #expect(refusal(F.factura(lines, payment: .credito([Installment(amount: 354, dueDate: F.day)])))
                == .installmentDueNotAfterIssue(index: 1))
        #expect(refusal(F.factura(lines, payment: .credito([Installment(amount: 350, dueDate: later)])))
                == .installmentsDoNotMatchPending(expected: 354, found: 350))
        #expect(refusal(F.factura(lines, payment: .credito([Installment(amount: 0, dueDate: later)])))
                == .invalidInstallmentAmount(index: 1))
        #expect(refusal(F.factura(lines, payment: .credito([Installment(amount: Decimal(string: "354.001") ?? 0, dueDate: later)])))
                == .invalidInstallmentAmount(index: 1))
    }

    @Test func cuotasMustAddUpToTheAmountNetOfDetraccion() {
        // 1,180.00 − 12% (141.60) = 1,038.40 pending: cuotas for the full 1,180.00 are refused.
        let doc = F.factura([F.line(1, 1000, kind: .service)],
                            payment: .credito([Installment(amount: 1180, dueDate: F.day.adding(days: 30))]),
                            detraccion: Detraccion(account: "00-1"))
        #expect(refusal(doc) == .installmentsDoNotMatchPending(expected: Decimal(string: "1038.4") ?? 0, found: 1180))
    }

    @Test func summaryAndVoidedRules() throws {
        let boleta = F.boleta([F.line(1, 10)])
        let line = try SummaryLine(boleta, status: .add)
        // 10.00 + 1.80 = 11.80.
        #expect(line.total.plainAmount == "11.80")
        #expect(line.igv.plainAmount == "1.80")
        let ok = SummaryDocument(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 1, lines: [line])
        try ok.validate()
        var empty = ok
        empty.lines = []
        #expect(throws: BatchDocumentError.noLines) { try empty.validate() }
        var withFactura = ok
        withFactura.lines = [try SummaryLine(F.factura([F.line(1, 10)]), status: .add)]
        #expect(throws: BatchDocumentError.wrongFamily(line: 1)) { try withFactura.validate() }
        var late = ok
        late.referenceDate = F.day.adding(days: 1)
        #expect(throws: BatchDocumentError.referenceDateAfterIssueDate) { try late.validate() }

        let voidLine = VoidedLine(kind: .factura, series: F.series("F001", .factura), number: 5, reason: "Error en RUC")
        try VoidedDocuments(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 1, lines: [voidLine]).validate()
        let boletaVoid = VoidedLine(kind: .boleta, series: F.series("B001", .boleta), number: 5, reason: "x")
        #expect(throws: BatchDocumentError.wrongFamily(line: 1)) {
            try VoidedDocuments(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 1, lines: [boletaVoid]).validate()
        }
        var noReason = voidLine
        noReason.reason = ""
        #expect(throws: BatchDocumentError.emptyVoidReason(line: 1)) {
            try VoidedDocuments(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 1, lines: [noReason]).validate()
        }
    }
}
