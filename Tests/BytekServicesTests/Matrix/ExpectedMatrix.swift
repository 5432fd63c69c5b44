import BytekModel

/// Who may do each operation, written out by hand as the business decided it (the truth table the
/// README prints). `contacto` means a customer's contact over its own customer's rows; `worker` the
/// background worker. The matrix test checks both the operations' declared rules and what the
/// operations really do against this table.
enum ExpectedMatrix {
    static let staffAll = "admin ventas finanzas operaciones tecnico almacen soporte"

    /// Every area's rows (each area writes its own in its `expected`).
    static let table: [String: String] = MatrixAreas.all.reduce(into: [:]) { table, area in
        table.merge(area.expected) { first, _ in first }
    }

    /// Rows counted area by area, to catch one operation written in two areas.
    static let rowCount = MatrixAreas.all.reduce(0) { $0 + $1.expected.count }

    /// The actors named in a row of the table.
    static func allowed(_ name: String) -> Set<String> {
        Set((table[name] ?? "").split(separator: " ").map(String.init))
    }
}
