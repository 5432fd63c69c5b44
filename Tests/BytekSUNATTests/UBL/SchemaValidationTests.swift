import BytekModel
import BytekSUNAT
import Foundation
import Testing

/// Every kind of document the writer produces validates against SUNAT's UBL schemas (xmllint).
@Suite struct SchemaValidationTests {
    typealias S = SchemaFixtures

    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        let document: EDocument
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "factura PEN", document: S.document(lines: [S.line(2, 100), S.line(1, 59, includesIGV: true)])),
        Sample(name: "factura USD", document: S.document(currency: .usd, lines: [S.line(3, Decimal(string: "1234.5678") ?? 0)])),
        Sample(name: "factura con detracción", document: S.document(
            lines: [S.line(10, 150, kind: .service, description: "Soporte técnico (horas)")],
            detraccion: Detraccion(code: "037", ratePercent: 12, account: "00-000-123456"))),
        Sample(name: "factura al crédito con cuotas", document: S.document(
            lines: [S.line(3, 100)],
            payment: .credito([Installment(amount: 177, dueDate: S.day.adding(days: 30)),
                               Installment(amount: 177, dueDate: S.day.adding(days: 60))]))),
        Sample(name: "factura crédito USD con detracción", document: S.document(
            currency: .usd, lines: [S.line(1, 500, kind: .service)],
            payment: .credito([Installment(amount: Decimal(string: "519.20") ?? 0, dueDate: S.day.adding(days: 45))]),
            detraccion: Detraccion(account: "00-000-123456"), exchangeRate: Decimal(string: "3.75"))),
        Sample(name: "boleta", document: S.document(.boleta, series: "B001", customer: .anonymous(),
                                                    lines: [S.line(1, 50, includesIGV: true)])),
        Sample(name: "boleta sobre S/ 700 con DNI", document: S.document(.boleta, series: "B001", customer: S.dniCustomer,
                                                                       lines: [S.line(2, 400)])),
        Sample(name: "mixto gravado/exonerado/inafecto", document: S.document(lines: [
            S.line(10, Decimal(string: "12.5") ?? 0), S.line(1, 50, .onerous(.exonerado)),
            S.line(2, Decimal(string: "10.005") ?? 0, .onerous(.inafecto)),
        ])),
        Sample(name: "descuentos por línea y global", document: S.document(
            lines: [S.line(4, 250, discount: .percent(10)), S.line(1, 100, discount: .amount(20)),
                    S.line(1, 80, .onerous(.exonerado))], globalDiscount: .percent(5))),
        Sample(name: "gratuito", document: S.document(lines: [
            S.line(1, 500), S.line(2, 25, .free(.gravadoBonificacion)), S.line(1, 10, .free(.inafectoRetiroPublicidad)),
        ])),
        Sample(name: "nota de crédito", document: S.document(.notaCredito, series: "FC01", number: 1,
            lines: [S.line(1, 100, discount: .percent(10))],
            note: NoteDetails(reference: S.facturaReference, reason: .credit(.anulacion), description: "Anulación de la operación"))),
        Sample(name: "nota de crédito 13 con cuotas", document: S.document(.notaCredito, series: "FC01", number: 2,
            lines: [S.line(1, 0)],
            payment: .credito([Installment(amount: 118, dueDate: S.day.adding(days: 90))]),
            note: NoteDetails(reference: S.facturaReference, reason: .credit(.ajusteMontosFechas), description: "Nuevas fechas"))),
        Sample(name: "nota de crédito sobre boleta", document: S.document(.notaCredito, series: "BC01", number: 3,
            customer: S.dniCustomer, lines: [S.line(1, 20)],
            note: NoteDetails(reference: S.boletaReference, reason: .credit(.devolucionPorItem), description: "Devolución"))),
        Sample(name: "nota de débito", document: S.document(.notaDebito, series: "FD01", number: 1,
            lines: [S.line(1, 35, discount: .amount(5))], globalDiscount: .amount(3),
            note: NoteDetails(reference: S.facturaReference, reason: .debit(.interesesPorMora), description: "Intereses por mora"))),
    ]

    @Test(arguments: samples)
    func validates(_ sample: Sample) throws {
        let xml = try UBLWriter.document(sample.document)
        try S.expectValid(xml, sample.name)
        // The signature slot: one empty ExtensionContent, first child of the root.
        let text = String(decoding: xml, as: UTF8.self)
        let body = try #require(text.split(separator: "\n").dropFirst(2).first)
        #expect(body.trimmingCharacters(in: .whitespaces) == "<ext:UBLExtensions>")
        #expect(text.components(separatedBy: "<ext:ExtensionContent/>").count == 2)
        #expect(try S.value("/*/*[local-name()='ID']", in: xml) == sample.document.id)
    }

    @Test func summaryValidates() throws {
        let boleta = S.document(.boleta, series: "B001", number: 7, customer: .anonymous(), lines: [S.line(1, 10)])
        let big = S.document(.boleta, series: "B001", number: 8, customer: S.dniCustomer,
                             lines: [S.line(2, 400), S.line(1, 30, .onerous(.exonerado)), S.line(1, 5, .free(.inafectoRetiro))])
        let note = S.document(.notaCredito, series: "BC01", number: 1, customer: S.dniCustomer, lines: [S.line(1, 10)],
                              note: NoteDetails(reference: S.boletaReference, reason: .credit(.anulacion), description: "Anulación"))
        let rc = SummaryDocument(issuer: S.issuer, referenceDate: S.day, issueDate: S.day.adding(days: 1), sequence: 1, lines: [
            try SummaryLine(boleta, status: .add), try SummaryLine(big, status: .add), try SummaryLine(note, status: .add),
            try SummaryLine(boleta, status: .void),
        ])
        let xml = try UBLWriter.summary(rc)
        try S.expectValid(xml, "resumen diario")
        #expect(try S.value("/*/*[local-name()='ID']", in: xml) == "RC-20261127-1")
        // Boleta 8: 800.00 + 144.00 IGV + 30.00 exonerado = 974.00.
        #expect(try S.value("//*[local-name()='SummaryDocumentsLine'][2]/*[local-name()='TotalAmount']", in: xml) == "974.00")
    }

    @Test func voidedValidates() throws {
        let ra = VoidedDocuments(issuer: S.issuer, referenceDate: S.day, issueDate: S.day, sequence: 1, lines: [
            VoidedLine(kind: .factura, series: S.series("F001", .factura), number: 123, reason: "Error en el RUC del cliente"),
            VoidedLine(kind: .notaCredito, series: S.series("FC01", .notaCredito), number: 4, reason: "Duplicado <sic> & más"),
        ])
        let xml = try UBLWriter.voided(ra)
        try S.expectValid(xml, "comunicación de baja")
        #expect(try S.value("/*/*[local-name()='CustomizationID']", in: xml) == "1.0")
        #expect(try S.value("/*/*[local-name()='ID']", in: xml) == "RA-20261126-1")
        #expect(try S.value("//*[local-name()='VoidedDocumentsLine'][2]/*[local-name()='VoidReasonDescription']", in: xml)
                == "Duplicado <sic> & más")
    }

    @Test func customerNameIsEscaped() throws {
        let name = "Ñandú & Hijos <SAC> \"Perú\" l'Oréal"
        let customer = DocumentCustomer(documentType: .ruc, number: S.customerRUC, name: name, address: "Jr. <A> & 'B'")
        let xml = try UBLWriter.invoice(S.document(customer: customer, lines: [S.line(1, 10, description: "Cable \"A&B\" <1m>")]))
        try S.expectValid(xml, "factura con caracteres especiales")
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("Ñandú &amp; Hijos &lt;SAC&gt; &quot;Perú&quot; l&apos;Oréal"))
        #expect(!text.contains("CDATA"))
        #expect(try S.value("//*[local-name()='AccountingCustomerParty']//*[local-name()='RegistrationName']", in: xml) == name)
        #expect(try S.value("//*[local-name()='InvoiceLine']//*[local-name()='Description']", in: xml) == "Cable \"A&B\" <1m>")
    }

    @Test func invoiceStatesTheComputedFigures() throws {
        // Line 1: 4 × 250 − 10% = 900.00; line 2: 100 − 20 = 80.00; global 5% of 980.00 = 49.00.
        // Gravadas 931.00, IGV 167.58, total 1,098.58.
        let doc = S.document(lines: [S.line(4, 250, discount: .percent(10)), S.line(1, 100, discount: .amount(20))],
                             globalDiscount: .percent(5))
        let xml = try UBLWriter.invoice(doc)
        func v(_ p: String) throws -> String { try S.value(p, in: xml) }
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='LineExtensionAmount']") == "931.00")
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']") == "1098.58")
        #expect(try v("/*/*[local-name()='TaxTotal']/*[local-name()='TaxAmount']") == "167.58")
        #expect(try v("/*/*[local-name()='AllowanceCharge']/*[local-name()='Amount']") == "49.00")
        #expect(try v("/*/*[local-name()='AllowanceCharge']/*[local-name()='AllowanceChargeReasonCode']") == "02")
        #expect(try v("//*[local-name()='InvoiceLine'][1]/*[local-name()='LineExtensionAmount']") == "900.00")
        #expect(try v("//*[local-name()='InvoiceLine'][1]/*[local-name()='AllowanceCharge']/*[local-name()='Amount']") == "100.00")
        // The price with IGV after the line discount: (900.00 + 162.00) ÷ 4 (SUNAT's 3270), not 250 × 1.18.
        #expect(try v("//*[local-name()='InvoiceLine'][1]//*[local-name()='PriceAmount' and ../*[local-name()='PriceTypeCode']]") == "265.50")
        #expect(try v("//*[local-name()='InvoiceLine'][1]/*[local-name()='Price']/*[local-name()='PriceAmount']") == "250.00")
        #expect(try v("/*/*[local-name()='Note'][@languageLocaleID='1000']") == "SON: MIL NOVENTA Y OCHO CON 58/100 SOLES")
        #expect(try v("/*/*[local-name()='InvoiceTypeCode']/@listID") == "0101")
    }

    @Test func globalDiscountIsSplitByBase() throws {
        // 1,000.00 gravado + 300.00 exonerado + 200.00 inafecto, 10% global = 150.00: 100.00 off the gravado
        // base (code 02), 50.00 off the others (code 03, not affecting the IGV base: SUNAT's 3274/3275/3282).
        let doc = S.document(lines: [S.line(2, 500), S.line(1, 300, .onerous(.exonerado)), S.line(1, 200, .onerous(.inafecto))],
                             globalDiscount: .percent(10))
        let xml = try UBLWriter.invoice(doc)
        try S.expectValid(xml, "descuento global mixto")
        func v(_ p: String) throws -> String { try S.value(p, in: xml) }
        func charge(_ code: String, _ field: String) throws -> String {
            try v("/*/*[local-name()='AllowanceCharge'][*[local-name()='AllowanceChargeReasonCode']='\(code)']/*[local-name()='\(field)']")
        }
        #expect(try charge("02", "Amount") == "100.00")
        #expect(try charge("02", "BaseAmount") == "1000.00")
        #expect(try charge("03", "Amount") == "50.00")
        #expect(try charge("03", "BaseAmount") == "500.00")
        func subtotal(_ scheme: String) throws -> String {
            try v("/*/*[local-name()='TaxTotal']/*[local-name()='TaxSubtotal'][.//*[local-name()='TaxScheme']/*[local-name()='ID']='\(scheme)']/*[local-name()='TaxableAmount']")
        }
        #expect(try subtotal("1000") == "900.00")
        #expect(try subtotal("9997") == "300.00")
        #expect(try subtotal("9998") == "200.00")
        // 900.00 + 162.00 IGV + 450.00 = 1,512.00 payable; 03 is the AllowanceTotalAmount.
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='LineExtensionAmount']") == "1400.00")
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='TaxInclusiveAmount']") == "1562.00")
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='AllowanceTotalAmount']") == "50.00")
        #expect(try v("//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']") == "1512.00")
        #expect(try v("(//*[local-name()='TaxScheme'])[1]/*[local-name()='ID']/@schemeAgencyName") == "PE:SUNAT")
    }

    @Test func detraccionAndCuotasElements() throws {
        // 1,500.00 + 270.00 = 1,770.00; 12% = 212.40; pending 1,557.60 in two cuotas of 778.80.
        let doc = S.document(lines: [S.line(10, 150, kind: .service)],
                             payment: .credito([Installment(amount: Decimal(string: "778.8") ?? 0, dueDate: S.day.adding(days: 30)),
                                                Installment(amount: Decimal(string: "778.8") ?? 0, dueDate: S.day.adding(days: 60))]),
                             detraccion: Detraccion(code: "037", ratePercent: 12, account: "00-000-123456"))
        let xml = try UBLWriter.invoice(doc)
        try S.expectValid(xml, "detracción al crédito")
        func v(_ p: String) throws -> String { try S.value(p, in: xml) }
        #expect(try v("/*/*[local-name()='ProfileID']") == "1001")
        #expect(try v("/*/*[local-name()='Note'][@languageLocaleID='2006']") == Detraccion.legend)
        #expect(try v("//*[local-name()='PaymentMeans']//*[local-name()='PayeeFinancialAccount']/*[local-name()='ID']") == "00-000-123456")
        #expect(try v("//*[local-name()='PaymentTerms'][1]/*[local-name()='Amount']") == "212.40")
        #expect(try v("//*[local-name()='PaymentTerms'][1]/*[local-name()='PaymentPercent']") == "12.00")
        #expect(try v("//*[local-name()='PaymentTerms'][2]/*[local-name()='PaymentMeansID']") == "Credito")
        #expect(try v("//*[local-name()='PaymentTerms'][2]/*[local-name()='Amount']") == "1557.60")
        #expect(try v("//*[local-name()='PaymentTerms'][4]/*[local-name()='PaymentMeansID']") == "Cuota002")
        #expect(try v("//*[local-name()='PaymentTerms'][4]/*[local-name()='PaymentDueDate']") == "2027-01-25")
    }

    @Test func invalidDocumentsAreNotWritten() {
        let doc = S.document(customer: S.dniCustomer, lines: [S.line(1, 10)])
        #expect(throws: EDocumentError.facturaRequiresRUC) { try UBLWriter.invoice(doc) }
    }

    @Test func fileNames() {
        let doc = S.document(lines: [S.line(1, 10)])
        #expect(UBLWriter.fileName(for: doc) == S.issuerRUC + "-01-F001-123")
    }

    @Test func numberFormats() {
        #expect(UBLFormat.unitValue(Money(Decimal(100) / Decimal(string: "1.18")!, .pen)) == "84.7457627119")
        #expect(UBLFormat.unitValue(Money(100, .pen)) == "100.00")
        #expect(UBLFormat.quantity(Decimal(string: "1.50")!) == "1.5")
        #expect(UBLFormat.percent(18) == "18.00")
        #expect(UBLFormat.factor(Decimal(string: "0.05")!) == "0.05000")
        #expect(UBLFormat.decimal(Decimal(string: "-0.001")!, maxScale: 2, minScale: 2) == "0.00")
        #expect(UBLFormat.decimal(Decimal(string: "-12.345")!, maxScale: 2, minScale: 2) == "-12.35")
        #expect(UBLFormat.amount(Money(Decimal(string: "9999999999999.995")!, .pen)) == "10000000000000.00")
        #expect(UBLFormat.amount(Money(Decimal(string: "12345678901.234")!, .usd)) == "12345678901.23")
        #expect(UBLFormat.unitValue(Money(Decimal(string: "0.00000000005")!, .pen)) == "0.0000000001")
        #expect(UBLFormat.unitValue(Money(Decimal(string: "123456789.12345678905")!, .pen)) == "123456789.1234567891")
        #expect(UBLFormat.quantity(Decimal(string: "1000")!) == "1000")
    }
}
