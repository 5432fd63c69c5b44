import Foundation

/// The document a credit or debit note modifies, as RVIE fields 29–32 state it.
public struct RVIEModifiedDocument: Sendable, Hashable {
    public var issueDate: LocalDate?
    /// Catálogo 01 code: "01", "03".
    public var type: String
    public var series: String
    public var number: String

    public init(issueDate: LocalDate?, type: String, series: String, number: String) {
        self.issueDate = issueDate; self.type = type; self.series = series; self.number = number
    }
}

/// One line of SUNAT's sales register in SIRE (RVIE): a document of the period, as the replacement file
/// states it (and as a line of SUNAT's proposal is read back, for the comparison).
///
/// The 34 fields of the replacement ("reemplazo de la propuesta", libro 140400), in order: 1 RUC, 2 razón social,
/// 3 periodo AAAAMM, 4 CAR (RUC + tipo + serie + número), 5 fecha de emisión dd/mm/aaaa, 6 fecha de vencimiento o
/// pago, 7 tipo de comprobante, 8 serie, 9 número (inicial of a range), 10 número final (range of boletas or
/// tickets reported together), 11 tipo de documento del cliente, 12 número, 13 nombre o razón social, 14 valor
/// facturado de exportación, 15 base imponible gravada, 16 descuento de la base, 17 IGV/IPM, 18 descuento del IGV,
/// 19 exonerado, 20 inafecto, 21 ISC, 22 base IVAP, 23 IVAP, 24 ICBPER, 25 otros tributos, 26 importe total,
/// 27 moneda, 28 tipo de cambio (3 decimals), 29–32 fecha, tipo, serie y número del comprobante modificado,
/// 33 ID proyecto operadores atribución, 34 CLU.
///
/// Sources, read with the project's search tool (public implementations; SUNAT's own manual was not in the
/// corpus): the field list of the issue and INTEGRATIONS.md "Sales register: SIRE RVIE"; the Odoo l10n_pe SIRE
/// module's tests (a replacement row has 34 pipe-separated fields, file `LE…00140400021112.txt` inside a zip of
/// the same name; the proposal has 40 columns, "Est. Comp" in column 35); a C# generator of the 14.4 format
/// (ms_facturacion, GeneradorSireRvieServicio: dd/MM/yyyy dates, amounts with 2 decimals, rate with 3, credit
/// notes negative, CRLF line ends, ISO-8859-1 text "confirmed against a real SUNAT file"
/// LE2060112979620260600140400021112.txt, name `LE`+RUC+AAAA+MM+`00`+`140400`+`02`+`1`+`1`+`1`+`2`); a JS
/// generator (sunat-sire.js) and several proposal readers agreeing on the 40 proposal column titles
/// (see `RVIEProposal.columnTitles`).
public struct RVIELine: Sendable, Hashable {
    public var ruc: String
    public var legalName: String
    public var period: YearMonth
    public var car: String
    public var issueDate: LocalDate
    public var dueDate: LocalDate?
    /// Catálogo 01 code: "01" factura, "03" boleta, "07" nota de crédito, "08" nota de débito.
    public var type: String
    public var series: String
    public var number: Int
    /// The last number of a range reported on one line (boletas or tickets); nil for one document.
    public var finalNumber: Int?
    /// Catálogo 06 code of the buyer's document.
    public var customerDocType: String
    public var customerDocNumber: String
    public var customerName: String
    public var amounts: RVIEAmounts
    public var currency: Currency
    /// Soles per unit of `currency`, nil for soles.
    public var exchangeRate: Decimal?
    public var modified: RVIEModifiedDocument?
    public var projectID: String
    public var clu: String
    /// True for a voided (anulado) document: its amounts are zero in our file; SUNAT's proposal marks it with
    /// "Est. Comp" 2.
    public var voided: Bool

    public init(ruc: String, legalName: String, period: YearMonth, car: String, issueDate: LocalDate, dueDate: LocalDate? = nil,
                type: String, series: String, number: Int, finalNumber: Int? = nil, customerDocType: String,
                customerDocNumber: String, customerName: String, amounts: RVIEAmounts, currency: Currency,
                exchangeRate: Decimal? = nil, modified: RVIEModifiedDocument? = nil, projectID: String = "", clu: String = "",
                voided: Bool = false) {
        self.ruc = ruc; self.legalName = legalName; self.period = period; self.car = car; self.issueDate = issueDate
        self.dueDate = dueDate; self.type = type; self.series = series; self.number = number; self.finalNumber = finalNumber
        self.customerDocType = customerDocType; self.customerDocNumber = customerDocNumber; self.customerName = customerName
        self.amounts = amounts; self.currency = currency; self.exchangeRate = exchangeRate; self.modified = modified
        self.projectID = projectID; self.clu = clu; self.voided = voided
    }

    /// "F001-123" (or "B001-1…B001-40" for a range).
    public var documentID: String {
        let one = series + "-" + String(number)
        guard let last = finalNumber, last != number else { return one }
        return one + "…" + series + "-" + String(last)
    }

    /// The key a proposal line and ours are matched by: type, series and number.
    public var key: RVIEKey { RVIEKey(type: type, series: series, number: number) }

    /// The CAR BYTEK states: RUC (11) + tipo (2) + serie (4) + número (10 digits, zero-padded).
    public static func car(ruc: String, type: String, series: String, number: Int) -> String {
        let n = String(number)
        return ruc + type + series + String(repeating: "0", count: max(0, 10 - n.count)) + n
    }

    /// The 34 fields of the replacement file, in order.
    public var fields: [String] {
        let a = amounts
        var out: [String] = [
            Self.clean(ruc), Self.clean(legalName), SalesRegisterPeriod.code(period), car, Self.date(issueDate),
            dueDate.map(Self.date) ?? "", type, series, String(number), finalNumber.map(String.init) ?? "",
            customerDocType, Self.clean(customerDocNumber), Self.clean(customerName),
        ]
        out += RVIEAmounts.columns.map { a[keyPath: $0.key].plainAmount }
        out += [currency.rawValue, exchangeRate.map(Self.rate) ?? "",
                modified?.issueDate.map(Self.date) ?? "", modified?.type ?? "", modified?.series ?? "", modified?.number ?? "",
                Self.clean(projectID), Self.clean(clu)]
        return out
    }

    /// The line as the replacement file holds it: the 34 fields joined by "|".
    public var text: String { fields.joined(separator: "|") }

    /// "05/11/2026".
    public static func date(_ d: LocalDate) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return two(d.day) + "/" + two(d.month) + "/" + String(d.year)
    }

    /// "3.750": the rate with 3 decimals.
    public static func rate(_ r: Decimal) -> String {
        let milli = NSDecimalNumber(decimal: Money.roundHalfUp(r, scale: 3) * 1000).int64Value
        let thousandths = milli % 1000
        let frac = thousandths < 10 ? "00\(thousandths)" : (thousandths < 100 ? "0\(thousandths)" : "\(thousandths)")
        return String(milli / 1000) + "." + frac
    }

    /// A text field without what would break the line: pipes, line breaks and tabs become spaces.
    static func clean(_ s: String) -> String {
        String(s.map { $0 == "|" || $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
            .trimmingCharacters(in: .whitespaces)
    }
}

/// What a document is matched by between SUNAT's proposal and our register.
public struct RVIEKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var type: String
    public var series: String
    public var number: Int

    public init(type: String, series: String, number: Int) { self.type = type; self.series = series; self.number = number }

    public var description: String { series + "-" + String(number) }

    public static func < (a: RVIEKey, b: RVIEKey) -> Bool { (a.type, a.series, a.number) < (b.type, b.series, b.number) }
}
