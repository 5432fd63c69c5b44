/// What kind of difference between SUNAT's proposal and our register.
public enum RVIEDifferenceKind: String, CaseIterable, Sendable, Hashable {
    /// SUNAT has the document, our books do not.
    case onlySunat = "solo-sunat"
    /// We issued it, SUNAT's proposal lacks it (not sent yet, rejected, or sent under another period).
    case onlyOurs = "solo-bytek"
    case amount = "importe"
    case date = "fecha"
    case customer = "cliente"
    /// Voided on one side, in force on the other.
    case status = "estado"
    case currency = "moneda"
    /// A note's modified document differs.
    case reference = "referencia"

    /// The label the screen and the CSV print.
    public var label: String {
        switch self {
        case .onlySunat: return "Solo en SUNAT"
        case .onlyOurs: return "Solo en BYTEK"
        case .amount: return "Importe"
        case .date: return "Fecha"
        case .customer: return "Cliente"
        case .status: return "Estado"
        case .currency: return "Moneda"
        case .reference: return "Doc. modificado"
        }
    }
}

/// One difference: which document, which field, our value and SUNAT's.
public struct RVIEDifference: Sendable, Hashable {
    public var kind: RVIEDifferenceKind
    public var key: RVIEKey
    /// "F001-12" (or the range as SUNAT reported it).
    public var documentID: String
    public var field: String
    public var ours: String
    public var sunat: String

    public init(kind: RVIEDifferenceKind, key: RVIEKey, documentID: String, field: String, ours: String, sunat: String) {
        self.kind = kind; self.key = key; self.documentID = documentID; self.field = field; self.ours = ours; self.sunat = sunat
    }

    /// "F001-12 · Importe · total: BYTEK 1180.00, SUNAT 1200.00".
    public var sentence: String {
        var s = documentID + " · " + kind.label
        if !field.isEmpty { s += " · " + field }
        if !ours.isEmpty || !sunat.isEmpty { s += ": BYTEK " + (ours.isEmpty ? "—" : ours) + ", SUNAT " + (sunat.isEmpty ? "—" : sunat) }
        return s
    }
}

/// Our register against SUNAT's proposal, document by document (matched by type, series and number).
///
/// A proposal line covering a range of boletas (números inicial y final, as SUNAT may report boletas that
/// travelled in a resumen diario) is matched against each of our boletas in the range: the ones we lack are
/// "solo en SUNAT", and the range's amounts are compared with the sum of ours. A voided document matches when
/// both sides say so (its amounts are not compared: ours are zero, SUNAT may keep the original ones).
public struct RVIEComparison: Sendable, Hashable {
    public var differences: [RVIEDifference]
    /// Documents present on both sides.
    public var matched: Int
    public var oursCount: Int
    public var sunatCount: Int

    public var isClean: Bool { differences.isEmpty }

    /// How many differences of each kind, in `RVIEDifferenceKind.allCases` order (kinds without any left out).
    public var countsByKind: [(kind: RVIEDifferenceKind, count: Int)] {
        RVIEDifferenceKind.allCases.compactMap { k in
            let n = differences.filter { $0.kind == k }.count
            return n == 0 ? nil : (k, n)
        }
    }

    public static func == (a: RVIEComparison, b: RVIEComparison) -> Bool {
        a.differences == b.differences && a.matched == b.matched && a.oursCount == b.oursCount && a.sunatCount == b.sunatCount
    }

    public func hash(into h: inout Hasher) { h.combine(differences); h.combine(matched) }

    public init(ours: [RVIELine], sunat: [RVIELine]) {
        var byKey: [RVIEKey: RVIELine] = [:]
        for l in ours { byKey[l.key] = l }
        var seen = Set<RVIEKey>()
        var diffs: [RVIEDifference] = []
        var matched = 0
        var sunatDocs = 0
        for s in sunat {
            guard let last = s.finalNumber, last > s.number else {
                sunatDocs += 1
                guard let o = byKey[s.key] else {
                    diffs.append(RVIEDifference(kind: .onlySunat, key: s.key, documentID: s.documentID, field: "",
                                                ours: "", sunat: s.amounts.total.formatted))
                    continue
                }
                seen.insert(s.key)
                matched += 1
                diffs += Self.compare(o, s)
                continue
            }
            // A range: each of our boletas inside it, the sum against the range's amounts.
            var sum = RVIEAmounts.zero(s.currency)
            var found = 0
            for n in s.number...last {
                let key = RVIEKey(type: s.type, series: s.series, number: n)
                sunatDocs += 1
                guard let o = byKey[key] else {
                    diffs.append(RVIEDifference(kind: .onlySunat, key: key, documentID: key.description, field: "",
                                                ours: "", sunat: "en el rango " + s.documentID))
                    continue
                }
                seen.insert(key)
                matched += 1
                found += 1
                if o.currency == s.currency { sum = sum + o.amounts }
            }
            if found > 0 && !s.voided {
                for col in RVIEAmounts.columns where sum[keyPath: col.key] != s.amounts[keyPath: col.key] {
                    diffs.append(RVIEDifference(kind: .amount, key: s.key, documentID: s.documentID, field: col.name,
                                                ours: sum[keyPath: col.key].plainAmount, sunat: s.amounts[keyPath: col.key].plainAmount))
                }
            }
        }
        for o in ours where !seen.contains(o.key) {
            diffs.append(RVIEDifference(kind: .onlyOurs, key: o.key, documentID: o.documentID, field: "",
                                        ours: o.voided ? "anulado" : o.amounts.total.formatted, sunat: ""))
        }
        diffs.sort { ($0.key, $0.kind.rawValue, $0.field) < ($1.key, $1.kind.rawValue, $1.field) }
        self.differences = diffs
        self.matched = matched
        self.oursCount = ours.count
        self.sunatCount = sunatDocs
    }

    /// The differences between two lines of the same document.
    static func compare(_ o: RVIELine, _ s: RVIELine) -> [RVIEDifference] {
        var out: [RVIEDifference] = []
        func add(_ kind: RVIEDifferenceKind, _ field: String, _ ours: String, _ sunat: String) {
            out.append(RVIEDifference(kind: kind, key: o.key, documentID: o.documentID, field: field, ours: ours, sunat: sunat))
        }
        if o.voided != s.voided {
            add(.status, "estado", o.voided ? "anulado" : "vigente", s.voided ? "anulado" : "vigente")
        }
        if o.issueDate != s.issueDate {
            add(.date, "fecha de emisión", RVIELine.date(o.issueDate), RVIELine.date(s.issueDate))
        }
        if o.customerDocType != s.customerDocType || o.customerDocNumber != s.customerDocNumber {
            add(.customer, "documento del cliente", o.customerDocType + " " + o.customerDocNumber,
                s.customerDocType + " " + s.customerDocNumber)
        }
        if o.currency != s.currency {
            add(.currency, "moneda", o.currency.rawValue, s.currency.rawValue)
        } else if !o.voided && !s.voided {
            for col in RVIEAmounts.columns where o.amounts[keyPath: col.key] != s.amounts[keyPath: col.key] {
                add(.amount, col.name, o.amounts[keyPath: col.key].plainAmount, s.amounts[keyPath: col.key].plainAmount)
            }
            if o.currency != .pen, let a = o.exchangeRate, let b = s.exchangeRate, RVIELine.rate(a) != RVIELine.rate(b) {
                add(.amount, "tipo de cambio", RVIELine.rate(a), RVIELine.rate(b))
            }
        }
        if let m = o.modified, let n = s.modified, (m.type, m.series, m.number) != (n.type, n.series, n.number) {
            add(.reference, "comprobante modificado", m.type + " " + m.series + "-" + m.number, n.type + " " + n.series + "-" + n.number)
        }
        return out
    }
}
