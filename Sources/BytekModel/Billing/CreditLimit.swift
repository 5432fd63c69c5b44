import Foundation

/// What a note may state about the document it modifies:
/// - its currency is the document's;
/// - the credit notes on a document (those already issued and still standing, plus the new one) never
///   credit more than the document's total; for a devolución por ítem (catálogo 09 code 07), each
///   line returns at most the quantity and amount still left of the same line of the document.
///
/// Debit notes add to a document and are only held to its currency.
public enum CreditLimit {
    /// Checks `note` (a credit or debit note on `original`) against `previous`, the credit notes
    /// already issued on `original` that still stand (not rejected, not voided).
    public static func check(note: EDocument, original: EDocument, previous: [EDocument]) throws(NoteLimitError) {
        guard note.currency == original.currency else {
            throw .currencyMismatch(note: note.currency, document: original.currency)
        }
        guard note.kind == .notaCredito else { return }
        let originalTotal: Int64, noteTotal: Int64
        do {
            originalTotal = try original.amounts().total.minorUnits
            noteTotal = try note.amounts().total.minorUnits
        } catch { return }  // the note's own validation reports why its figures cannot be computed
        var credited: Int64 = 0
        for p in previous where p.currency == original.currency {
            if let t = try? p.amounts().total.minorUnits { credited += t }
        }
        let remaining = max(0, originalTotal - credited)
        guard noteTotal <= remaining else {
            throw .exceedsCreditable(document: original.id, remaining: Money(minorUnits: remaining, original.currency),
                                     requested: Money(minorUnits: noteTotal, original.currency))
        }
        if case .credit(.devolucionPorItem)? = note.note?.reason {
            try checkItems(note: note, original: original, previous: previous)
        }
    }

    /// A line of a return by item that is one of the document's lines (same description, item code,
    /// unit price and affectation) returns at most the quantity earlier returns left of it. A line typed
    /// as an amount (the TUI's "importe" of a partial return) is held by the total check only.
    private static func checkItems(note: EDocument, original: EDocument, previous: [EDocument]) throws(NoteLimitError) {
        func key(_ l: EDocumentLine) -> LineKey {
            LineKey(description: l.description.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(),
                    itemCode: l.itemCode ?? "", unitPrice: l.unitPrice, affectation: l.affectation.code)
        }
        var left: [LineKey: Decimal] = [:]
        for l in original.lines { left[key(l), default: 0] += l.quantity }
        for p in previous {
            guard case .credit(.devolucionPorItem)? = p.note?.reason else { continue }
            for l in p.lines { left[key(l), default: 0] -= l.quantity }
        }
        for (i, l) in note.lines.enumerated() {
            guard let available = left[key(l)] else { continue }
            guard l.quantity <= available else {
                throw .lineExceedsQuantity(line: i + 1, remaining: max(0, available), requested: l.quantity)
            }
            left[key(l)] = available - l.quantity
        }
    }

    private struct LineKey: Hashable {
        var description: String
        var itemCode: String
        var unitPrice: Decimal
        var affectation: String
    }
}

/// Why a note is refused by `CreditLimit`.
public enum NoteLimitError: Error, Sendable, Hashable {
    case currencyMismatch(note: Currency, document: Currency)
    case exceedsCreditable(document: String, remaining: Money, requested: Money)
    case lineExceedsQuantity(line: Int, remaining: Decimal, requested: Decimal)

    /// One Spanish sentence saying what is left and what to change. Never empty.
    public var message: String {
        switch self {
        case .currencyMismatch(let note, let document):
            return "La nota está en \(note.rawValue) y el comprobante en \(document.rawValue): una nota va en la moneda "
                + "del comprobante que modifica."
        case .exceedsCreditable(let document, let remaining, let requested):
            return "La nota de crédito suma \(requested.formatted) y a \(document) solo le queda \(remaining.formatted) "
                + "por acreditar (su total menos las notas de crédito ya emitidas); reduzca el importe."
        case .lineExceedsQuantity(let line, let remaining, let requested):
            return "Línea \(line): devuelve \(requested) y de esa línea solo quedan \(remaining) por devolver."
        }
    }
}
