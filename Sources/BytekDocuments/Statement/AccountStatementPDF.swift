import BytekModel
import Foundation

/// Draws a customer's estado de cuenta as an A4 PDF in Spanish: the company's letterhead with a boxed
/// "ESTADO DE CUENTA", the customer and the span, then one section per currency (saldo inicial, every
/// charge and credit with its running balance, saldo final), the aging of what is open and the
/// unapplied credit. Long statements break across pages with the table header repeated, a running
/// header and "Página N de M".
public enum AccountStatementPDF {
    /// Writes the PDF to `path`; returns the page count.
    @discardableResult
    public static func render(_ statement: AccountStatement, company: CompanyInfo, to path: String) throws(PDFError) -> Int {
        let s = statement
        let metadata = PDFMetadata(title: "Estado de cuenta \(s.customerName)", author: company.legalName,
                                   subject: "Estado de cuenta del \(date(s.from)) al \(date(s.to))")
        let footerLeft = "\(company.legalName) · RUC \(company.ruc) · Estado de cuenta al \(date(s.asOf))"
        return try PDFDocumentWriter.render(
            to: path, metadata: metadata,
            footer: { page, total in PDFFooter(left: footerLeft, right: PDFFooter.pageLabel(page, of: total)) },
            body: { draw(s, company: company, on: $0) })
    }

    static func draw(_ s: AccountStatement, company: CompanyInfo, on w: PDFDocumentWriter) {
        w.runningHeaderHeight = 24
        w.onNewPage = { w in
            let style = PDFTextStyle(size: 8, color: .muted)
            w.text("ESTADO DE CUENTA · \(s.customerName)", x: w.contentLeft, y: w.cursorY,
                   width: w.contentWidth * 0.65, style: style.with(bold: true, color: .accent))
            w.text(company.displayName, x: w.contentLeft + w.contentWidth * 0.65, y: w.cursorY,
                   width: w.contentWidth * 0.35, style: style.with(alignment: .right))
            w.hline(from: w.contentLeft, to: w.contentRight, y: w.cursorY + 13, width: 0.5, color: .rule)
        }
        header(s, company: company, w)
        if s.sections.isEmpty {
            w.flowText("El cliente no tiene movimientos ni saldos en este periodo.", style: PDFTextStyle(size: 9, italic: true),
                       spaceAfter: 8)
        }
        for section in s.sections {
            w.sectionHeading("Movimientos en \(section.currency.displayName.lowercased()) (\(section.currency.symbol))", keepWith: 60)
            w.draw(linesTable(section))
            w.cursorY += 8
            agingBlock(section, w)
        }
        let credits = s.credits.filter { !$0.isZero }
        if !credits.isEmpty {
            w.sectionHeading("Saldo a favor del cliente (pagos sin aplicar)")
            w.flowText(credits.map(\.formatted).joined(separator: " · "), style: PDFTextStyle(size: 9, bold: true), spaceAfter: 8)
        }
        w.flowText("Si encuentra alguna diferencia, comuníquese con nosotros"
                   + (company.email.isEmpty ? "." : " a \(company.email)."),
                   style: PDFTextStyle(size: 7.5, italic: true, color: .muted), spaceAfter: 4)
    }

    private static func header(_ s: AccountStatement, company: CompanyInfo, _ w: PDFDocumentWriter) {
        w.companyHeader(company, title: "ESTADO DE CUENTA", titleSize: 12,
                        lines: [("al \(date(s.asOf))", PDFDocumentWriter.headerStyle.with(size: 9, bold: false))])

        let customer: [(String, String)] = [("Cliente", s.customerName), ("Documento", s.customerDocNumber)]
        let span: [(String, String)] = [("Desde", date(s.from)), ("Hasta", date(s.to)), ("Saldos al", date(s.asOf))]
        w.panels(KeyValuePanel(title: "CLIENTE", pairs: customer, labelWidth: 62),
                 KeyValuePanel(title: "PERIODO", pairs: span, labelWidth: 62), gap: 16, spaceAfter: 10)
    }

    /// The movements of one currency: saldo inicial, one row per line with its running balance, saldo
    /// final. Pure: testable without drawing.
    public static func linesTable(_ section: AccountStatement.Section) -> PDFTable {
        var rows: [PDFTableRow] = [.summary("Saldo inicial", section.opening.formattedAmount)]
        for line in section.lines {
            rows.append(.cells([date(line.date), line.reference, line.description, line.dueDate.map(date) ?? "",
                                line.charge?.formattedAmount ?? "", line.credit?.formattedAmount ?? "",
                                line.balance.formattedAmount]))
        }
        let charges = section.lines.compactMap(\.charge).reduce(Money.zero(section.currency), +)
        let credits = section.lines.compactMap(\.credit).reduce(Money.zero(section.currency), +)
        rows.append(.strong(["", "", "Totales del periodo", "", charges.formattedAmount, credits.formattedAmount,
                             section.closing.formattedAmount]))
        return PDFTable(columns: [
            PDFTableColumn("Fecha", width: .fixed(52)),
            PDFTableColumn("Documento", width: .fixed(70)),
            PDFTableColumn("Detalle", width: .flexible(1)),
            PDFTableColumn("Vence", width: .fixed(52)),
            PDFTableColumn("Cargo", width: .fixed(66), alignment: .right),
            PDFTableColumn("Abono", width: .fixed(66), alignment: .right),
            PDFTableColumn("Saldo", width: .fixed(70), alignment: .right),
        ], rows: rows, bodyStyle: PDFTextStyle(size: 8), striped: true)
    }

    /// Saldo final and the aging buckets of one currency, as a small table.
    public static func agingTable(_ section: AccountStatement.Section) -> PDFTable {
        let buckets = AgingBucket.allCases
        let amounts = buckets.map { (section.aging[$0] ?? .zero(section.currency)).formattedAmount }
        let total = buckets.reduce(Money.zero(section.currency)) { $0 + (section.aging[$1] ?? .zero(section.currency)) }
        return PDFTable(columns: buckets.map { PDFTableColumn("\($0.label) días", width: .flexible(1), alignment: .right) }
                            + [PDFTableColumn("Total vencido y por vencer", width: .flexible(1.6), alignment: .right)],
                        rows: [.cells(amounts + [total.formatted])], headerFill: .muted)
    }

    private static func agingBlock(_ section: AccountStatement.Section, _ w: PDFDocumentWriter) {
        w.ensureSpace(70)
        w.text("Antigüedad del saldo (\(section.currency.symbol)) · saldo final \(section.closing.formatted)",
               x: w.contentLeft, y: w.cursorY, width: w.contentWidth, style: PDFTextStyle(size: 8.5, bold: true, color: .accent))
        w.cursorY += 14
        w.draw(agingTable(section))
        w.cursorY += 14
    }

    /// dd/mm/aaaa.
    static func date(_ d: LocalDate) -> String {
        DocumentDate(year: d.year, month: d.month, day: d.day).formatted
    }
}
