import BytekModel

extension Operation {
    /// The sales register (SIRE RVIE) is finanzas' and admin's: see the period, write the replacement file
    /// (audited), compare it with SUNAT's proposal.
    static let salesRegisterView = Operation("sire.ver", .salesRegister, .read)
    static let salesRegisterGenerate = Operation("sire.generar", .salesRegister, .write)
    static let salesRegisterCompare = Operation("sire.comparar", .salesRegister, .read)
    /// Queues the worker's download of SUNAT's proposal through the SIRE API (audited).
    static let salesRegisterRequest = Operation("sire.solicitar", .salesRegister, .write)

    /// The operations of the sales register, in the order the matrix prints them.
    public static let salesRegisterOperations = [salesRegisterView, salesRegisterGenerate, salesRegisterCompare, salesRegisterRequest]
}
