import BytekModel
import Foundation

/// A customer's estado de cuenta: one section per currency with the opening balance, every charge and
/// credit with the running balance, the closing balance and its aging; then the unapplied credit. The
/// span is the last twelve months to today; `p` writes the same statement as a PDF in documentos/.
@MainActor
final class StatementScreen: Screen {
    let desk: CobranzasDesk
    let customerId: Int64
    let customerName: String
    let strings: Strings
    private(set) var statement: AccountStatement?
    private(set) var errorText: String?
    private var body = ScrollingText(lines: [])
    let from: LocalDate
    let to: LocalDate

    init(desk: CobranzasDesk, customerId: Int64, customerName: String, strings: Strings) {
        self.desk = desk; self.customerId = customerId; self.customerName = customerName; self.strings = strings
        to = desk.today
        from = desk.today.adding(days: -365)
        load()
    }

    var title: String { strings.format("cob.st.title", customerName) }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("p")], strings["cob.st.key.pdf"], help: strings["cob.st.help.pdf"]),
            KeyBinding([.escape], strings["cob.st.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func load() {
        do {
            let s = try desk.statement(customerId: customerId, from: from, to: to)
            statement = s
            errorText = nil
            body = ScrollingText(lines: StatementScreen.lines(s, strings: strings))
        } catch {
            statement = nil
            errorText = desk.describe(error)
            body = ScrollingText(lines: [])
        }
    }

    func reload(context: AppContext) { load() }

    /// The statement as text lines (what the screen scrolls through).
    static func lines(_ s: AccountStatement, strings: Strings) -> [String] {
        var out: [String] = [strings.format("cob.st.span", s.customerDocNumber, ReceivablesText.date(s.from),
                                            ReceivablesText.date(s.to), ReceivablesText.date(s.asOf)), ""]
        if s.sections.isEmpty { out.append(strings["cob.st.empty"]) }
        for section in s.sections {
            out.append("── " + strings.format("cob.st.section", section.currency.displayName, section.currency.symbol) + " ──")
            out.append(row([strings["cob.st.col.date"], strings["cob.st.col.document"], strings["cob.st.col.detail"],
                            strings["cob.col.due"], strings["cob.st.col.charge"], strings["cob.st.col.credit"],
                            strings["cob.col.balance"]]))
            out.append(row(["", "", strings["cob.st.opening"], "", "", "", section.opening.formattedAmount]))
            for l in section.lines {
                out.append(row([ReceivablesText.date(l.date), l.reference, l.description, l.dueDate.map(ReceivablesText.date) ?? "",
                                l.charge?.formattedAmount ?? "", l.credit?.formattedAmount ?? "", l.balance.formattedAmount]))
            }
            out.append(row(["", "", strings["cob.st.closing"], "", "", "", section.closing.formattedAmount]))
            let aging = AgingBucket.allCases.map { $0.label + ": " + (section.aging[$0] ?? .zero(section.currency)).formattedAmount }
            out.append(strings["cob.aging"] + " (" + section.currency.symbol + ")  " + aging.joined(separator: "  ·  "))
            out.append("")
        }
        let credits = s.credits.filter { !$0.isZero }
        if !credits.isEmpty { out.append(strings.format("cob.st.credits", credits.map(\.formatted).joined(separator: " · "))) }
        return out
    }

    static func row(_ cells: [String]) -> String {
        let widths = [10, 13, 34, 10, 14, 14, 15]
        return zip(cells, widths).enumerated().map { i, cw in SafeText.fit(cw.0, cw.1, alignRight: i >= 4) }.joined(separator: " ")
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        switch key {
        case .escape:
            context.pop()
        case .char("p"):
            printPDF(context)
        default:
            return body.handle(key) ? .handled : .ignored
        }
        return .handled
    }

    private func printPDF(_ context: AppContext) {
        let folder = desk.documentsFolder()
        let doc = statement?.customerDocNumber.filter { $0.isNumber } ?? String(customerId)
        let path = folder + "/estado-cuenta-\(doc)-\(to).pdf"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let pages = try desk.statementPDF(customerId: customerId, from: from, to: to, path: path)
            context.ok(strings.format("cob.st.pdfSaved", path, String(pages)))
        } catch {
            context.error(desk.describe(error))
        }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: errorText, body: &body)
    }
}
