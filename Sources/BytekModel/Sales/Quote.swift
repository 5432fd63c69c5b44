import Foundation

/// One version of a quote. Content can change only while the version is a draft: every mutation
/// of a sent, accepted, rejected or expired version throws `QuoteError.notEditable`. A change after
/// sending is a new version (`newVersion()`), and every version stays readable.
///
/// Read the content directly (`quote.lines`, `quote.currency`): the content is exposed read-only
/// through dynamic member lookup; change it with `edit`.
@dynamicMemberLookup
public struct Quote: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    /// `COT-2026-00001`, shared by all versions; empty until the store numbers it.
    public var number: String
    public private(set) var version: Int
    public private(set) var state: QuoteState
    public private(set) var content: QuoteContent

    /// A new draft, version 1, not yet numbered.
    public init(_ content: QuoteContent) {
        self.init(id: nil, number: "", version: 1, state: .draft, content: content)
    }

    /// A version as stored (the store uses this to read quotes back).
    public init(id: Int64?, number: String, version: Int, state: QuoteState, content: QuoteContent) {
        self.id = id; self.number = number; self.version = version; self.state = state; self.content = content
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<QuoteContent, T>) -> T { content[keyPath: keyPath] }

    // MARK: editing

    /// Applies `change` to the content; refused unless this version is a draft.
    public mutating func edit(_ change: (inout QuoteContent) -> Void) throws(QuoteError) {
        guard state == .draft else { throw .notEditable(state) }
        change(&content)
    }

    public mutating func addLine(_ line: QuoteLine) throws(QuoteError) {
        try edit { $0.lines.append(line) }
    }

    public mutating func replaceLine(at index: Int, with line: QuoteLine) throws(QuoteError) {
        guard state == .draft else { throw .notEditable(state) }
        guard content.lines.indices.contains(index) else { throw .lineIndexOutOfRange(index) }
        content.lines[index] = line
    }

    public mutating func removeLine(at index: Int) throws(QuoteError) {
        guard state == .draft else { throw .notEditable(state) }
        guard content.lines.indices.contains(index) else { throw .lineIndexOutOfRange(index) }
        content.lines.remove(at: index)
    }

    /// Payment terms are checked when set: milestones that do not add up to 100 are refused here.
    public mutating func setPaymentTerms(_ terms: PaymentTerms) throws(QuoteError) {
        guard state == .draft else { throw .notEditable(state) }
        try terms.validate()
        content.paymentTerms = terms
    }

    // MARK: figures

    /// The computed totals (see `QuoteContent.totals()`).
    public func totals() throws(QuoteError) -> QuoteTotals { try content.totals() }

    /// The last day the offer stands.
    public var validUntil: LocalDate { content.validUntil }

    // MARK: transitions

    /// draft → sent, after `validate()`. The issue date becomes `today`, so validity runs from sending.
    public mutating func send(on today: LocalDate) throws(QuoteError) {
        guard state == .draft else { throw .invalidTransition(from: state, to: .sent) }
        var sending = content
        sending.issueDate = today
        try sending.validate()
        content = sending
        state = .sent
    }

    /// sent → accepted, refused after the validity ended (`expired(validUntil:)`).
    public mutating func accept(on today: LocalDate) throws(QuoteError) {
        guard state == .sent else { throw .invalidTransition(from: state, to: .accepted) }
        guard today <= validUntil else { throw .expired(validUntil: validUntil) }
        state = .accepted
    }

    /// sent → rejected.
    public mutating func reject() throws(QuoteError) {
        guard state == .sent else { throw .invalidTransition(from: state, to: .rejected) }
        state = .rejected
    }

    /// True when a sent version's validity ended before `today` (today > issue date + validity).
    /// A draft does not expire: its validity starts when it is sent.
    public func isDue(today: LocalDate) -> Bool { state == .sent && today > validUntil }

    /// sent → expired when due; returns whether it changed.
    @discardableResult
    public mutating func expireIfDue(today: LocalDate) -> Bool {
        guard isDue(today: today) else { return false }
        state = .expired
        return true
    }

    /// Takes an accepted version back to sent (the explicit, audited reopening; the store checks
    /// first that nothing its acceptance created has moved on).
    public mutating func reopen() throws(QuoteError) {
        guard state == .accepted else { throw .invalidTransition(from: state, to: .sent) }
        state = .sent
    }

    /// A copy of this version as the next one, in draft, with the same number and content
    /// (not yet stored: no id). Refused for a draft, which can simply be edited, and for an accepted
    /// version, which is what the customer agreed to (reopen it first, see `reopen()`).
    public func newVersion() throws(QuoteError) -> Quote {
        guard state != .draft && state != .accepted else { throw .invalidTransition(from: state, to: .draft) }
        return Quote(id: nil, number: number, version: version + 1, state: .draft, content: content)
    }
}
