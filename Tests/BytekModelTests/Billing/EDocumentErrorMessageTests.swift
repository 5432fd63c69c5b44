import Foundation
import Testing
@testable import BytekModel

@Suite("Spanish text of the billing errors")
struct EDocumentErrorMessageTests {
    static let allDocumentErrors: [EDocumentError] = [
        .noLines, .nonPositiveQuantity(line: 2), .emptyDescription(line: 3), .discountOnFreeLine(line: 1),
        .tax(.negativeQuantity(-1)), .tax(.negativePrice(-2)), .tax(.discountPercentOutOfRange(120)),
        .tax(.negativeDiscount(-5)), .tax(.discountExceedsAmount(discount: 50, amount: 20)),
        .series(.wrongLength("F01")), .series(.notAlphanumeric("F-01")), .series(.wrongPrefix("B001", expected: "F")),
        .numberOutOfRange(0), .invalidIssuerRUC(.checkDigitMismatch), .facturaRequiresRUC,
        .invalidCustomerRUC(.wrongLength(expected: 11)), .invalidCustomerDocument(.notNumeric), .emptyCustomerName,
        .boletaRequiresCustomerDocument(totalPEN: 812.4), .exchangeRateRequired, .noteDetailsMissing,
        .noteDetailsNotAllowed, .referenceMustBeFacturaOrBoleta, .referenceFamilyMismatch, .reasonDoesNotMatchKind,
        .emptyNoteDescription, .detraccionOnlyOnFacturas, .detraccionRequiresService,
        .detraccionBelowThreshold(totalPEN: 500), .detraccionRateOutOfRange(0), .detraccionInvalidCode("37"),
        .detraccionAccountMissing, .operationTypeMismatch, .noInstallments, .invalidInstallmentAmount(index: 2),
        .installmentDueNotAfterIssue(index: 1), .installmentsDoNotMatchPending(expected: 1180, found: 1000),
        .tax(.limit(.tooLarge(.documentTotal, max: AmountLimits.maxAmount))),
        .lineLimit(line: 2, .tooLarge(.quantity, max: AmountLimits.maxQuantity)),
        .lineLimit(line: 2, .tooManyDecimals(.unitPrice, max: 10)), .lineLimit(line: 1, .notANumber(.unitPrice)),
        .limit(.tooManyLines(count: 1001, max: 1000)), .limit(.exchangeRateNotPositive),
        .limit(.exchangeRateOutsideBand(12)), .limit(.tooManyDecimals(.exchangeRate, max: 3)),
        .issueDate(.future(issueDate: LocalDate(year: 2030, month: 1, day: 2)!, today: LocalDate(year: 2026, month: 12, day: 3)!)),
        .issueDate(.tooOld(issueDate: LocalDate(year: 2020, month: 1, day: 2)!, firstAllowed: LocalDate(year: 2026, month: 11, day: 30)!,
                           days: 3)),
        .issueDate(.beforeLastInSeries(issueDate: LocalDate(year: 2026, month: 12, day: 1)!,
                                       last: LocalDate(year: 2026, month: 12, day: 2)!, series: "F001")),
        .noteLimit(.currencyMismatch(note: .usd, document: .pen)),
        .noteLimit(.exceedsCreditable(document: "F001-1", remaining: Money(10, .pen), requested: Money(20, .pen))),
        .noteLimit(.lineExceedsQuantity(line: 1, remaining: 2, requested: 3)),
    ]

    static let allBatchErrors: [BatchDocumentError] = [
        .invalidIssuerRUC(.empty), .noLines, .tooManyLines(501), .invalidSequence(0), .referenceDateAfterIssueDate,
        .wrongFamily(line: 3), .noteWithoutReference(line: 2), .emptyVoidReason(line: 1),
    ]

    static let documentErrors: [DocumentError] = [
        .empty, .notNumeric, .notAlphanumeric, .wrongLength(expected: 8), .tooLong(max: 12), .invalidPrefix("30"),
        .checkDigitMismatch,
    ]

    /// Spanish text: not the enum's Swift description, and no English words leaking through.
    static func looksSpanish(_ text: String) -> Bool {
        !text.isEmpty && !text.contains("(\"") && !text.contains("Optional(")
            && text.rangeOfCharacter(from: .letters) != nil
    }

    @Test("every EDocumentError has its own Spanish sentence", arguments: allDocumentErrors)
    func everyDocumentError(_ e: EDocumentError) {
        #expect(Self.looksSpanish(e.message), "\(e)")
        #expect(e.message != String(describing: e))
    }

    @Test func documentErrorTextsAreDistinct() {
        let texts = Self.allDocumentErrors.map(\.message)
        #expect(Set(texts).count == texts.count)
    }

    @Test("every BatchDocumentError has Spanish text", arguments: allBatchErrors)
    func everyBatchError(_ e: BatchDocumentError) {
        #expect(Self.looksSpanish(e.message), "\(e)")
    }

    @Test("every DocumentError has a fragment", arguments: documentErrors)
    func everyDocumentNumberError(_ e: DocumentError) {
        #expect(Self.looksSpanish(e.message))
        // A fragment follows a field name, so it starts in lower case.
        #expect(e.message.first?.isLowercase == true)
    }

    @Test func exactTexts() {
        #expect(EDocumentError.facturaRequiresRUC.message
            == "Una factura necesita un cliente con RUC válido; para un cliente con DNI, carné de extranjería o pasaporte emita una boleta.")
        #expect(EDocumentError.invalidCustomerRUC(.checkDigitMismatch).message
            == "El RUC del cliente no es válido: el dígito verificador del RUC no coincide.")
        #expect(EDocumentError.boletaRequiresCustomerDocument(totalPEN: Decimal(string: "812.4") ?? 0).message
            == "Una boleta de más de S/ 700.00 debe identificar al cliente (DNI, carné de extranjería, pasaporte o RUC); esta suma S/ 812.40.")
        #expect(EDocumentError.installmentsDoNotMatchPending(expected: Decimal(string: "1038.40") ?? 0, found: 1000).message
            == "Las cuotas suman 1000.00 y deben sumar 1038.40, el importe pendiente (total menos detracción).")
        #expect(EDocumentError.nonPositiveQuantity(line: 2).message == "Línea 2: la cantidad debe ser mayor que cero.")
        #expect(EDocumentError.series(.wrongPrefix("B001", expected: "F")).message
            == "La serie «B001» debe empezar con F: F para facturas y sus notas, B para boletas y sus notas.")
        #expect(BatchDocumentError.tooManyLines(501).message
            == "Son 501 comprobantes y SUNAT acepta hasta 500 por envío; divídalos.")
    }

    /// The text a real validation produces, end to end.
    @Test func validationOfABoletaCustomerOnAFactura() {
        var doc = EDocumentFixtures.factura([EDocumentFixtures.line(1, 100)])
        doc.customer = EDocumentFixtures.dniCustomer
        #expect(throws: EDocumentError.facturaRequiresRUC) { try doc.validate() }
        do { try doc.validate() } catch { #expect(error.message.hasPrefix("Una factura necesita un cliente con RUC")) }
    }

    @Test func quoteInvoicingErrorsHaveText() {
        let errors: [QuoteInvoicingError] = [
            .notAccepted(.draft), .notAccepted(.sent), .onlySubscriptions, .nothingToInvoice, .quote(.exchangeRateMissing),
            .quote(.noLines), .document(.facturaRequiresRUC), .totalsDiffer(quote: Money(10, .pen), document: Money(Decimal(string: "10.01") ?? 0, .pen)),
        ]
        for e in errors { #expect(Self.looksSpanish(e.message), "\(e)") }
        #expect(QuoteInvoicingError.notAccepted(.sent).message
            == "Solo se factura una cotización aceptada; esta versión está enviada, sin aceptar.")
    }
}
