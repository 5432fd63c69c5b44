import Foundation

/// The project a profitability is about, as the list and the CSV show it.
public struct ProfitabilityHeader: Sendable, Hashable {
    public var projectId: Int64
    public var code: String
    public var name: String
    public var customerName: String
    public var manager: String
    public var status: ProjectStatus
    public var kind: ProjectKind

    public init(projectId: Int64, code: String, name: String, customerName: String, manager: String,
                status: ProjectStatus, kind: ProjectKind) {
        self.projectId = projectId; self.code = code; self.name = name; self.customerName = customerName
        self.manager = manager; self.status = status; self.kind = kind
    }
}

/// A project with its inputs as read from the store.
public struct ProfitabilitySource: Sendable, Hashable {
    public var header: ProfitabilityHeader
    public var inputs: ProfitabilityInputs

    public init(header: ProfitabilityHeader, inputs: ProfitabilityInputs) { self.header = header; self.inputs = inputs }
}

/// A project and its figures, or why they could not be computed (a missing exchange rate).
public struct ProfitabilityLine: Sendable, Hashable {
    public var header: ProfitabilityHeader
    public var figures: ProjectProfitability?
    public var problem: ProfitabilityError?

    public init(_ source: ProfitabilitySource) {
        header = source.header
        do { figures = try ProjectProfitability(source.inputs); problem = nil } catch { figures = nil; problem = error }
    }

    /// Worst margin first: the margin over sold in percent; projects without figures or percent last, then by code.
    public static func byMargin(_ a: ProfitabilityLine, _ b: ProfitabilityLine) -> Bool {
        switch (a.figures?.marginOnSoldPercent, b.figures?.marginOnSoldPercent) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.header.code < b.header.code
        }
    }
}
