import BytekModel

/// Who may do each operation, written out by hand as the business decided it (the truth table the
/// README prints). `contacto` means a customer's contact over its own customer's rows; `worker` the
/// background worker. The matrix test checks both the operations' declared rules and what the
/// operations really do against this table.
enum ExpectedMatrix {
    static let staffAll = "admin ventas finanzas operaciones tecnico almacen soporte"

    static let table: [String: String] = [
        "cliente.listar": staffAll,
        "cliente.ver": staffAll + " contacto",
        "cliente.crear": "admin ventas finanzas",
        "cliente.editar": "admin ventas finanzas",
        "cliente.archivar": "admin ventas finanzas",
    ]

    /// The actors named in a row of the table.
    static func allowed(_ name: String) -> Set<String> {
        Set((table[name] ?? "").split(separator: " ").map(String.init))
    }
}
