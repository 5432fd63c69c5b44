import BytekModel

extension Operation {
    /// Every member of staff reads the rates (documents in dollars, the sales board); so does the worker.
    static let rateView = Operation("tipocambio.ver", .exchangeRates, .read, worker: true, rule: { _ in true })
    static let rateRecord = Operation("tipocambio.registrar", .exchangeRates, .write)
    static let rateImport = Operation("tipocambio.importar", .exchangeRates, .write)

    /// The operations on exchange rates, in the order the matrix prints them.
    public static let rateOperations = [rateView, rateRecord, rateImport]
}
