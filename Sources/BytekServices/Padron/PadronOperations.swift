import BytekModel

extension Operation {
    /// Replacing the padrón with SUNAT's monthly file: admin only (it is read by every customer and lead form).
    static let padronImport = Operation("padron.importar", .users, .write, rule: { $0 == .admin })
    /// A lookup by RUC (the forms' fill-in, `bytek padron show`): any member of staff; SUNAT publishes it.
    static let padronLookup = Operation("padron.consultar", .customers, .read, rule: { _ in true })

    /// The operations on SUNAT's padrón reducido, in the order the matrix prints them.
    public static let padronOperations = [padronImport, padronLookup]
}
