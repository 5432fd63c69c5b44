import BytekModel

extension Operation {
    static let customerList = Operation("cliente.listar", .customers, .read)
    /// A contact may open its own customer's record (the portal's "sus datos").
    static let customerView = Operation("cliente.ver", .customers, .read, contacts: true)
    static let customerCreate = Operation("cliente.crear", .customers, .write)
    static let customerEdit = Operation("cliente.editar", .customers, .write)
    static let customerArchive = Operation("cliente.archivar", .customers, .write)
    /// A CSV file of customers (and their contacts), all or nothing unless partial; with update.
    static let customerImport = Operation("cliente.importar", .customers, .write)
    /// Every customer with its contacts as CSV.
    static let customerExport = Operation("cliente.exportar", .customers, .read)

    /// The operations on customers, in the order the matrix prints them.
    public static let customerOperations = [customerList, customerView, customerCreate, customerEdit, customerArchive,
                                            customerImport, customerExport]
}
