import Foundation
import Testing
@testable import BytekModel

/// Document figures against totals computed by hand (the arithmetic is in each case's comment).
@Suite struct EDocumentTaxTests {
    typealias F = EDocumentFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let document: EDocument
        let gravadas: String, exoneradas: String, inafectas: String, igv: String, total: String
        let gratuitas: String
        let words: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // 2 × 100.00 = 200.00; IGV 200.00 × 18% = 36.00; total 236.00.
        Case(name: "gravado", document: F.factura([F.line(2, 100)]), gravadas: "200.00", exoneradas: "0.00",
             inafectas: "0.00", igv: "36.00", total: "236.00", gratuitas: "0.00",
             words: "SON: DOSCIENTOS TREINTA Y SEIS CON 00/100 SOLES"),
        // 118.00 with IGV: total 118.00; base 118 / 1.18 = 100.00; IGV 118.00 − 100.00 = 18.00.
        Case(name: "precio con IGV", document: F.factura([F.line(1, 118, includesIGV: true)]), gravadas: "100.00",
             exoneradas: "0.00", inafectas: "0.00", igv: "18.00", total: "118.00", gratuitas: "0.00",
             words: "SON: CIENTO DIECIOCHO CON 00/100 SOLES"),
        // 3 × 33.33 = 99.99, no IGV.
        Case(name: "exonerado", document: F.factura([F.line(3, Decimal(string: "33.33") ?? 0, .onerous(.exonerado))]),
             gravadas: "0.00", exoneradas: "99.99", inafectas: "0.00", igv: "0.00", total: "99.99", gratuitas: "0.00",
             words: "SON: NOVENTA Y NUEVE CON 99/100 SOLES"),
        // 1.5 × 80.00 = 120.00, no IGV.
        Case(name: "inafecto", document: F.factura([F.line(Decimal(string: "1.5") ?? 0, 80, .onerous(.inafecto))]),
             gravadas: "0.00", exoneradas: "0.00", inafectas: "120.00", igv: "0.00", total: "120.00", gratuitas: "0.00",
             words: "SON: CIENTO VEINTE CON 00/100 SOLES"),
        // gravado 10 × 12.50 = 125.00, IGV 22.50; exonerado 50.00; inafecto 2 × 10.005 = 20.01.
        // total 125.00 + 22.50 + 50.00 + 20.01 = 217.51.
        Case(name: "mixto", document: F.factura([
            F.line(10, Decimal(string: "12.5") ?? 0), F.line(1, 50, .onerous(.exonerado)),
            F.line(2, Decimal(string: "10.005") ?? 0, .onerous(.inafecto)),
        ]), gravadas: "125.00", exoneradas: "50.00", inafectas: "20.01", igv: "22.50", total: "217.51", gratuitas: "0.00",
             words: "SON: DOSCIENTOS DIECISIETE CON 51/100 SOLES"),
        // US$ 1,000.00 + 18% = 180.00 → 1,180.00.
        Case(name: "dólares", document: F.factura([F.line(1, 1000)], currency: .usd), gravadas: "1000.00",
             exoneradas: "0.00", inafectas: "0.00", igv: "180.00", total: "1180.00", gratuitas: "0.00",
             words: "SON: MIL CIENTO OCHENTA CON 00/100 DÓLARES AMERICANOS"),
        // Line 1: 4 × 250 = 1000.00 − 10% = 900.00; line 2: 100.00 − 20.00 = 80.00; bases 980.00.
        // Global 5% of 980.00 = 49.00, split 900:80 → 45.00 and 4.00 → bases 855.00 and 76.00.
        // IGV 855 × 18% = 153.90, 76 × 18% = 13.68 → 167.58; total 931.00 + 167.58 = 1098.58.
        Case(name: "descuentos", document: F.factura([
            F.line(4, 250, discount: .percent(10)), F.line(1, 100, discount: .amount(20)),
        ], globalDiscount: .percent(5)), gravadas: "931.00", exoneradas: "0.00", inafectas: "0.00", igv: "167.58",
             total: "1098.58", gratuitas: "0.00", words: "SON: MIL NOVENTA Y OCHO CON 58/100 SOLES"),
        // Sold: 500.00 + 90.00 IGV = 590.00. Free (code 15): 2 × 25.00 = 50.00 reference value, its
        // IGV 9.00 is stated but not charged; nothing of it is payable.
        Case(name: "gratuito", document: F.factura([F.line(1, 500), F.line(2, 25, .free(.gravadoBonificacion))]),
             gravadas: "500.00", exoneradas: "0.00", inafectas: "0.00", igv: "90.00", total: "590.00",
             gratuitas: "50.00", words: "SON: QUINIENTOS NOVENTA CON 00/100 SOLES"),
    ]

    @Test(arguments: cases)
    func totals(_ c: Case) throws {
        let a = try c.document.validate()
        #expect(a.taxes.gravadas.plainAmount == c.gravadas)
        #expect(a.taxes.exoneradas.plainAmount == c.exoneradas)
        #expect(a.taxes.inafectas.plainAmount == c.inafectas)
        #expect(a.taxes.igv.plainAmount == c.igv)
        #expect(a.total.plainAmount == c.total)
        #expect(a.gratuitas.plainAmount == c.gratuitas)
        #expect(a.words == c.words)
        #expect(a.pending == a.total)
    }

    @Test func freeLineIGVIsStatedButNotCharged() throws {
        let a = try F.factura([F.line(1, 500), F.line(2, 25, .free(.gravadoBonificacion)),
                               F.line(1, 10, .free(.inafectoTransferenciaGratuita))]).validate()
        // 2 × 25.00 = 50.00 → IGV 9.00; the inafecto free line (10.00) carries none.
        #expect(a.gratuitas.plainAmount == "60.00")
        #expect(a.gratuitasIGV.plainAmount == "9.00")
        #expect(a.lines[1].unitValue.isZero)
        #expect(a.lines[1].referencePrice.plainAmount == "25.00")
        #expect(a.lines[2].igv.isZero)
    }

    @Test func lineFiguresStayBeforeTheGlobalDiscount() throws {
        let a = try F.factura([F.line(4, 250, discount: .percent(10)), F.line(1, 100, discount: .amount(20))],
                              globalDiscount: .percent(5)).validate()
        // The XML states 900.00 and 80.00 per line and the 49.00 global discount once (code 02).
        #expect(a.lines.map(\.lineValue.plainAmount) == ["900.00", "80.00"])
        #expect(a.lines.map(\.lineDiscount.plainAmount) == ["100.00", "20.00"])
        #expect(a.globalDiscount.plainAmount == "49.00")
        #expect(a.globalDiscountBase.plainAmount == "980.00")
        #expect(a.lineExtension.plainAmount == "931.00")
    }

    @Test func detraccionInSoles() throws {
        // 1,000.00 service + 180.00 IGV = 1,180.00 > 700; 12% = 141.60; pending 1,180.00 − 141.60 = 1,038.40.
        let doc = F.factura([F.line(1, 1000, kind: .service)], detraccion: Detraccion(code: "037", ratePercent: 12,
                                                                                      account: "00-123-456789"))
        let a = try doc.validate()
        #expect(doc.operationType == .sujetaADetraccion)
        #expect(a.detraccionPEN?.plainAmount == "141.60")
        #expect(a.pending.plainAmount == "1038.40")
    }

    @Test func detraccionInDollarsUsesTheExchangeRate() throws {
        // US$ 500 + 90 = 590.00; × 3.75 = S/ 2,212.50; 12% = S/ 265.50. In dollars 590 × 12% = 70.80,
        // pending 590.00 − 70.80 = 519.20, in two cuotas 300.00 + 219.20.
        let cuotas = [Installment(amount: 300, dueDate: F.day.adding(days: 30)),
                      Installment(amount: Decimal(string: "219.20") ?? 0, dueDate: F.day.adding(days: 60))]
        let doc = F.factura([F.line(1, 500, kind: .service)], currency: .usd, payment: .credito(cuotas),
                            detraccion: Detraccion(account: "00-123-456789"), exchangeRate: Decimal(string: "3.75"))
        let a = try doc.validate()
        #expect(a.total.plainAmount == "590.00")
        #expect(a.detraccionPEN?.plainAmount == "265.50")
        #expect(a.detraccionInDocumentCurrency?.plainAmount == "70.80")
        #expect(a.pending.plainAmount == "519.20")
    }

    @Test func creditWithCuotasAddingUpToTheTotal() throws {
        // 3 × 100.00 = 300.00 + 54.00 = 354.00 = 177.00 + 177.00.
        let cuotas = [Installment(amount: 177, dueDate: F.day.adding(days: 30)),
                      Installment(amount: 177, dueDate: F.day.adding(days: 60))]
        let a = try F.factura([F.line(3, 100)], payment: .credito(cuotas)).validate()
        #expect(a.pending.plainAmount == "354.00")
    }

    @Test(arguments: [
        ("0", "SON: CERO CON 00/100 SOLES"),
        ("1", "SON: UNO CON 00/100 SOLES"),
        ("21", "SON: VEINTIUNO CON 00/100 SOLES"),
        ("100", "SON: CIEN CON 00/100 SOLES"),
        ("1000000", "SON: UN MILLÓN CON 00/100 SOLES"),
        ("0.05", "SON: CERO CON 05/100 SOLES"),
        ("1234.56", "SON: MIL DOSCIENTOS TREINTA Y CUATRO CON 56/100 SOLES"),
    ])
    func amountInWords(total: String, words: String) throws {
        // An exonerado line of 1 × amount: the total is the amount itself.
        let price = try #require(Decimal(string: total))
        // amounts(), not validate(): a line of 0 is refused on issue (SUNAT's 3105), the words are still "CERO".
        let a = try F.factura([F.line(1, price, .onerous(.exonerado))]).amounts()
        #expect(a.total.amount == price)
        #expect(a.words == words)
    }

    @Test func identifiersAndFileNames() throws {
        let doc = F.factura([F.line(1, 10)])
        #expect(doc.id == "F001-123")
        #expect(doc.fileName == F.issuerRUC + "-01-F001-123")
        #expect(doc.issueDate.description == "2026-11-26")
        #expect(doc.issueTime == "10:30:05")
        let rc = SummaryDocument(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 2, lines: [])
        let ra = VoidedDocuments(issuer: F.issuer, referenceDate: F.day, issueDate: F.day, sequence: 1, lines: [])
        #expect(rc.id == "RC-20261126-2")
        #expect(ra.fileName == F.issuerRUC + "-RA-20261126-1")
    }

    @Test func limaTimeCrossesMidnightUTC() {
        // 2026-11-27 03:00 UTC is still 2026-11-26 22:00 in Lima.
        let d = Date(timeIntervalSince1970: TimeInterval(LocalDate(year: 2026, month: 11, day: 27)!.daysSinceEpoch * 86_400 + 3 * 3600))
        #expect(LimaTime.date(d).description == "2026-11-26")
        #expect(LimaTime.time(d) == "22:00:00")
    }
}
