import BytekModel

extension Operation {
    /// Who sees what a project earns and costs: admin, finanzas and operaciones (the cost of hours as an
    /// amount; individual cost rates never). Ventas, técnicos, almacén and soporte do not.
    static let profitabilityRoles: @Sendable (Role) -> Bool = { [.admin, .finanzas, .operaciones].contains($0) }
    /// A project's figures, the list by margin and its CSV.
    static let profitabilityView = Operation("rentabilidad.ver", .projects, .read, rule: profitabilityRoles)
    /// The other costs of a project (purchases entered by hand), listed and added.
    static let projectCostList = Operation("costo_proyecto.listar", .projects, .read, rule: profitabilityRoles)
    static let projectCostAdd = Operation("costo_proyecto.agregar", .projects, .write, rule: profitabilityRoles)
    /// A cost entered by mistake is reversed with a reason (never deleted): admin and finanzas.
    static let projectCostReverse = Operation("costo_proyecto.anular", .projects, .write,
                                              rule: { [.admin, .finanzas].contains($0) })

    /// The operations on profitability and other costs, in the order the matrix prints them.
    public static let profitabilityOperations = [profitabilityView, projectCostList, projectCostAdd, projectCostReverse]
}
