import Foundation

/// SUNAT's proposal of the sales register (RVIE), as the accountant downloads it from SIRE (the TXT, or the
/// ZIP holding it): a header line with the column titles, then one pipe-separated line per document.
///
/// The 40 columns, as the public proposal readers agree (Odoo l10n_pe SIRE tests build 40-column rows with
/// "Est. Comp" at column 35 and "Tipo Operación" at 38; several readers map these titles): RUC, Razón social,
/// Periodo, CAR SUNAT, Fecha de emisión, Fecha Vcto/Pago, Tipo CP/Doc., Serie del CDP, Nro CP o Doc. Nro
/// Inicial (Rango), Nro Final (Rango), Tipo Doc Identidad, Nro Doc Identidad, Apellidos Nombres/ Razón Social,
/// Valor Facturado Exportación, BI Gravada, Dscto BI, IGV / IPM, Dscto IGV / IPM, Mto Exonerado, Mto Inafecto,
/// ISC, BI Grav IVAP, IVAP, ICBPER, Otros Tributos, Total CP, Moneda, Tipo Cambio, Fecha Emisión Doc
/// Modificado, Tipo CP Modificado, Serie CP Modificado, Nro CP Modificado, ID Proyecto Operadores Atribución,
/// Tipo de Nota, Est. Comp, Valor FOB Embarcado, Valor OP Gratuitas, Tipo Operación, DAM / CP, CLU.
///
/// The first 32 columns are the replacement's first 32 fields; a reader must not rely on more than 35 columns
/// being there (trailing empty columns may be cut), so only the first 32 and "Est. Comp" are read.
public enum RVIEProposal {
    public static let columnTitles = [
        "RUC", "Razón social", "Periodo", "CAR SUNAT", "Fecha de emisión", "Fecha Vcto/Pago", "Tipo CP/Doc.",
        "Serie del CDP", "Nro CP o Doc. Nro Inicial (Rango)", "Nro Final (Rango)", "Tipo Doc Identidad",
        "Nro Doc Identidad", "Apellidos Nombres/ Razón Social", "Valor Facturado Exportación", "BI Gravada", "Dscto BI",
        "IGV / IPM", "Dscto IGV / IPM", "Mto Exonerado", "Mto Inafecto", "ISC", "BI Grav IVAP", "IVAP", "ICBPER",
        "Otros Tributos", "Total CP", "Moneda", "Tipo Cambio", "Fecha Emisión Doc Modificado", "Tipo CP Modificado",
        "Serie CP Modificado", "Nro CP Modificado", "ID Proyecto Operadores Atribución", "Tipo de Nota", "Est. Comp",
        "Valor FOB Embarcado", "Valor OP Gratuitas", "Tipo Operación", "DAM / CP", "CLU",
    ]

    /// Lines written the way SUNAT's proposal holds them (header, 40 columns, "Est. Comp" 1 or 2 for a voided
    /// document, CR LF): the demo's sample proposal and the tests' round trip.
    public static func text(_ lines: [RVIELine]) -> String {
        var out = columnTitles.joined(separator: "|") + "\r\n"
        for l in lines {
            var cols = Array(l.fields.prefix(32)) + Array(repeating: "", count: 8)
            cols[34] = l.voided ? "2" : "1"
            cols[39] = l.clu
            out += cols.joined(separator: "|") + "\r\n"
        }
        return out
    }

    /// The fewest columns a data line may have: up to "Est. Comp".
    public static let minimumColumns = 35

    /// Reads the proposal's text (UTF-8, or ISO-8859-1 when it is not valid UTF-8). The first line must be the
    /// header (its first column "RUC"); blank lines are skipped. When `ruc` or `period` are given, every line
    /// must be of them.
    public static func parse(_ data: [UInt8], ruc: String? = nil, period: YearMonth? = nil) throws(SalesRegisterError) -> [RVIELine] {
        let text = String(bytes: data, encoding: .utf8) ?? String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        var lines: [RVIELine] = []
        var lineNumber = 0
        var sawHeader = false
        // "\r\n" is one Character in Swift: every line end is a separator of its own.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var row = Substring(raw)
            if lineNumber == 1, row.hasPrefix("\u{FEFF}") { row = row.dropFirst() }
            if row.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if !sawHeader {
                let first = row.split(separator: "|", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard first.uppercased() == "RUC" else {
                    throw .proposalLine(line: lineNumber, reason: "falta la cabecera (la primera columna debe ser «RUC»); ¿es la propuesta del RVIE descargada del SIRE?")
                }
                sawHeader = true
                continue
            }
            let line = try parseLine(row, number: lineNumber)
            if let ruc, line.ruc != ruc {
                throw .proposalMismatch(line: lineNumber, field: "RUC", found: line.ruc, expected: ruc)
            }
            if let period, line.period != period {
                throw .proposalMismatch(line: lineNumber, field: "periodo", found: SalesRegisterPeriod.code(line.period),
                                        expected: SalesRegisterPeriod.code(period))
            }
            lines.append(line)
        }
        guard sawHeader else { throw .proposalLine(line: 1, reason: "el archivo está vacío") }
        return lines
    }

    /// One data line; `number` is its line number in the file (for the message).
    static func parseLine(_ row: Substring, number: Int) throws(SalesRegisterError) -> RVIELine {
        let c = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard c.count >= minimumColumns else {
            throw .proposalLine(line: number, reason: "tiene \(c.count) columnas y se esperaban al menos \(minimumColumns) (separadas por «|»)")
        }
        func fail(_ column: Int, _ why: String) -> SalesRegisterError {
            .proposalLine(line: number, reason: "columna \(column + 1) («\(columnTitles[column])»): " + why)
        }
        func date(_ i: Int, optional: Bool) throws(SalesRegisterError) -> LocalDate? {
            let t = c[i]
            if t.isEmpty {
                if optional { return nil }
                throw fail(i, "falta la fecha")
            }
            let p = t.split(separator: "/")
            guard p.count == 3, p[0].count == 2, p[1].count == 2, p[2].count == 4,
                  let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]), let v = LocalDate(year: y, month: m, day: d) else {
                throw fail(i, "«\(t)» no es una fecha dd/mm/aaaa")
            }
            return v
        }
        func int(_ i: Int, optional: Bool) throws(SalesRegisterError) -> Int? {
            let t = c[i]
            if t.isEmpty {
                if optional { return nil }
                throw fail(i, "falta el número")
            }
            guard t.count <= 8, t.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(t), v >= 1 else {
                throw fail(i, "«\(t)» no es un número de comprobante (1 a 99999999)")
            }
            return v
        }
        let ruc = c[0]
        guard ruc.count == 11, ruc.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw fail(0, "«\(ruc)» no es un RUC de 11 dígitos") }
        let period: YearMonth
        do throws(SalesRegisterError) { period = try SalesRegisterPeriod.parse(c[2]) } catch { throw fail(2, "«\(c[2])» no es un periodo AAAAMM") }
        guard let currency = Currency(rawValue: c[26].uppercased()) else {
            throw fail(26, "«\(c[26])» no es una moneda que BYTEK registre (PEN o USD)")
        }
        var amounts = RVIEAmounts.zero(currency)
        for (k, col) in RVIEAmounts.columns.enumerated() {
            let i = 13 + k
            if c[i].isEmpty { continue }
            do throws(MoneyError) {
                amounts[keyPath: col.key] = try Money.parse(c[i], currency: currency)
            } catch {
                throw fail(i, "«\(c[i])» no es un importe (use punto decimal y hasta 2 decimales)")
            }
        }
        var rate: Decimal?
        if !c[27].isEmpty {
            guard let r = Decimal(string: c[27], locale: Locale(identifier: "en_US_POSIX")), r >= 0,
                  c[27].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), c[27].count <= 12 else {
                throw fail(27, "«\(c[27])» no es un tipo de cambio")
            }
            rate = r.isZero ? nil : r
        }
        let type = c[6]
        guard type.count == 2, type.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw fail(6, "«\(type)» no es un tipo de comprobante") }
        // A credit note's amounts are negative in the register; a proposal that states them positive is read the same.
        if type == DocumentKind.notaCredito.code && amounts.total.amount > 0 { amounts = amounts.negated }
        var modified: RVIEModifiedDocument?
        if !c[29].isEmpty || !c[30].isEmpty || !c[31].isEmpty {
            modified = RVIEModifiedDocument(issueDate: try date(28, optional: true), type: c[29], series: c[30], number: c[31])
        }
        guard let issue = try date(4, optional: false), let first = try int(8, optional: false) else { throw fail(4, "falta") }
        let last = try int(9, optional: true)
        if let last, last < first { throw fail(9, "el número final \(last) es menor que el inicial \(first)") }
        return RVIELine(ruc: ruc, legalName: c[1], period: period, car: c[3], issueDate: issue, dueDate: try date(5, optional: true),
                        type: type, series: c[7], number: first, finalNumber: last == first ? nil : last,
                        customerDocType: c[10], customerDocNumber: c[11], customerName: c[12], amounts: amounts,
                        currency: currency, exchangeRate: currency == .pen ? nil : rate, modified: modified,
                        projectID: c.count > 32 ? c[32] : "", clu: c.count > 39 ? c[39] : "",
                        voided: c[34] == "2")
    }
}
