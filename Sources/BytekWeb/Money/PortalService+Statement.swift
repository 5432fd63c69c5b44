import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The contact's estado de cuenta, read as that contact (`services.receivables`).
extension PortalService {
    /// The span of an estado de cuenta as typed in the page (`desde`, `hasta`: aaaa-mm-dd); by default from
    /// the 1st of January to today, as `bytek estado-cuenta` does.
    struct StatementSpan: Sendable, Equatable {
        var from: LocalDate
        var to: LocalDate

        /// Reads the span, or the Spanish sentence that names the field to fix.
        static func read(_ query: [String: String], today: LocalDate) -> Result<StatementSpan, StatementSpanProblem> {
            func day(_ key: String, _ name: String) -> Result<LocalDate?, StatementSpanProblem> {
                guard let text = query[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .success(nil) }
                guard let d = LocalDate(text), (2000...2200).contains(d.year) else {
                    return .failure(StatementSpanProblem("\(name): escriba una fecha válida (aaaa-mm-dd), por ejemplo \(today)."))
                }
                return .success(d)
            }
            let to: LocalDate, from: LocalDate
            switch day("hasta", "Hasta") {
            case .failure(let p): return .failure(p)
            case .success(let d): to = d ?? today
            }
            switch day("desde", "Desde") {
            case .failure(let p): return .failure(p)
            case .success(let d): from = d ?? LocalDate(year: to.year, month: 1, day: 1) ?? to
            }
            guard from <= to else {
                return .failure(StatementSpanProblem("Desde: la fecha inicial (\(from)) es posterior a la final (\(to))."))
            }
            return .success(StatementSpan(from: from, to: to))
        }

        var query: String { "desde=\(from)&hasta=\(to)" }
    }

    struct StatementSpanProblem: Error, Sendable, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    struct StatementPage: Sendable {
        var customer: PortalCustomer
        /// nil when the span typed is wrong (`problem` says why).
        var statement: AccountStatement?
        var span: StatementSpan?
        var problem: String?
        var typed: [String: String]
    }

    func statement(_ who: SignedIn, customerId: Int64, query: [String: String]) throws -> StatementPage? {
        try asContact(who, customerId: customerId) { services, customer in
            let receivables = services.receivables
            let typed = ["desde": query["desde"] ?? "", "hasta": query["hasta"] ?? ""]
            switch StatementSpan.read(query, today: receivables.today) {
            case .failure(let problem):
                return StatementPage(customer: customer, statement: nil, span: nil, problem: problem.message, typed: typed)
            case .success(let span):
                let s = try receivables.statement(customerId: customerId, from: span.from, to: span.to)
                return StatementPage(customer: customer, statement: s, span: span, problem: nil, typed: typed)
            }
        }
    }

    /// The estado de cuenta as the A4 PDF `services.receivables.statementPDF` draws; nil when the span is wrong
    /// or the customer is not the contact's.
    func statementPDF(_ who: SignedIn, customerId: Int64, query: [String: String]) throws -> Download? {
        try asContact(who, customerId: customerId) { services, customer -> Download? in
            guard case .success(let span) = StatementSpan.read(query, today: services.receivables.today) else { return nil }
            let path = NSTemporaryDirectory() + "bytek-cuenta-\(UUID().uuidString).pdf"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try services.receivables.statementPDF(customerId: customerId, from: span.from, to: span.to, path: path)
            return Download(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), contentType: "application/pdf",
                            fileName: "estado-de-cuenta-\(customer.docNumber)-\(span.from)-\(span.to).pdf")
        } ?? nil
    }
}
