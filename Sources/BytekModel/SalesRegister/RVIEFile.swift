import Foundation

/// The replacement file of a period (libro 140400, "reemplazo de la propuesta"): its name and its bytes.
///
/// Name: `LE` + RUC + AAAA + MM + `00` + `140400` + `02` (oportunidad: reemplaza la propuesta) + `1` (operaciones)
/// + `1` (con información; `0` when the period has no documents) + `1` (moneda: soles) + `2` (generado para SIRE),
/// `.txt` inside a `.zip` of the same name. Text: ISO-8859-1, one line per document, lines ended by CR LF.
public struct RVIEFile: Sendable, Hashable {
    public var ruc: String
    public var period: YearMonth
    public var lines: [RVIELine]

    public init(ruc: String, period: YearMonth, lines: [RVIELine]) {
        self.ruc = ruc; self.period = period; self.lines = lines
    }

    /// "LE2061534608120261100140400021112" (33 characters).
    public var baseName: String {
        "LE" + ruc + SalesRegisterPeriod.code(period) + "00" + "140400" + "02" + "1" + (lines.isEmpty ? "0" : "1") + "1" + "2"
    }

    public var textName: String { baseName + ".txt" }
    public var zipName: String { baseName + ".zip" }

    /// The text as SUNAT reads it: ISO-8859-1 bytes. A character outside Latin-1 is written without its accent
    /// when that makes it Latin-1 ("ő" → "o"), else as "?".
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 220)
        for line in lines {
            Self.appendLatin1(line.text, to: &out)
            out += [13, 10]
        }
        return out
    }

    public static func appendLatin1(_ s: String, to out: inout [UInt8]) {
        // Most lines are plain ASCII: their UTF-8 bytes are already Latin-1.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            out += s.utf8
            return
        }
        // Composed first (e + U+0301 → é), then scalar by scalar; a mark that composes with nothing is dropped.
        for scalar in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.value <= 0xFF {
                out.append(UInt8(scalar.value))
                continue
            }
            let folded = String(scalar).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars
            if folded.isEmpty || scalar.properties.generalCategory == .nonspacingMark { continue }
            if folded.count == 1, let v = folded.first?.value, v <= 0xFF {
                out.append(UInt8(v))
            } else {
                out.append(UInt8(ascii: "?"))
            }
        }
    }

    public var totals: SalesRegisterTotals { SalesRegisterTotals(lines) }
}

/// The period's sums per currency (the screen's foot, the CLI's summary): each equals the sum of the lines.
public struct SalesRegisterTotals: Sendable, Hashable {
    public struct Sums: Sendable, Hashable {
        public var documents: Int
        public var voided: Int
        public var amounts: RVIEAmounts
    }

    /// Per currency, soles first.
    public var byCurrency: [(currency: Currency, sums: Sums)]

    public init(_ lines: [RVIELine]) {
        var map: [Currency: Sums] = [:]
        for l in lines {
            var s = map[l.currency] ?? Sums(documents: 0, voided: 0, amounts: .zero(l.currency))
            s.documents += 1
            if l.voided { s.voided += 1 }
            s.amounts = s.amounts + l.amounts
            map[l.currency] = s
        }
        byCurrency = Currency.allCases.compactMap { c in map[c].map { (c, $0) } }
    }

    public static func == (a: SalesRegisterTotals, b: SalesRegisterTotals) -> Bool {
        a.byCurrency.map(\.currency) == b.byCurrency.map(\.currency) && a.byCurrency.map(\.sums) == b.byCurrency.map(\.sums)
    }

    public func hash(into h: inout Hasher) { for e in byCurrency { h.combine(e.currency); h.combine(e.sums) } }

    /// The sums of one currency, nil when the period has no document in it.
    public func sums(_ currency: Currency) -> Sums? { byCurrency.first { $0.currency == currency }?.sums }

    /// "12 documentos (1 anulado) · base S/ 1,000.00 · IGV S/ 180.00 · total S/ 1,180.00", one per currency.
    public var summaryLines: [String] {
        byCurrency.map { c, s in
            let docs = s.documents == 1 ? "1 documento" : "\(s.documents) documentos"
            let voided = s.voided == 0 ? "" : (s.voided == 1 ? " (1 anulado)" : " (\(s.voided) anulados)")
            var parts = [docs + voided]
            if !s.amounts.export.isZero { parts.append("exportación " + s.amounts.export.formatted) }
            parts.append("base " + s.amounts.taxable.formatted)
            if !s.amounts.exonerado.isZero { parts.append("exonerado " + s.amounts.exonerado.formatted) }
            if !s.amounts.inafecto.isZero { parts.append("inafecto " + s.amounts.inafecto.formatted) }
            parts.append("IGV " + s.amounts.igv.formatted)
            parts.append("total " + s.amounts.total.formatted)
            return c.displayName + ": " + parts.joined(separator: " · ")
        }
    }
}
