/// The groups of the top bar: a number key picks a group, its modules show as tabs beside it.
/// A role sees a group only when it may read at least one of its modules.
public enum ModuleGroup: String, CaseIterable, Sendable {
    case commercial, finance, operations, administration

    /// The group's modules, in the order of their tabs. 
    public var modules: [AppModule] {
        switch self {
        case .commercial: return [.customers, .sales, .quotes, .catalog]
        case .finance: return [.billing, .receivables, .recurring, .salesRegister, .exchangeRates]
        case .operations: return [.projects, .timesheets]
        case .administration: return [.users, .audit, .jobs]
        }
    }

    /// The group a module belongs to.
    public static func of(_ module: AppModule) -> ModuleGroup? {
        allCases.first { $0.modules.contains(module) }
    }

    /// The groups `role` sees, each with the modules of it that the role may read; groups left empty are omitted.
    public static func visible(for role: Role, among available: Set<AppModule> = Set(AppModule.allCases))
        -> [(group: ModuleGroup, modules: [AppModule])] {
        allCases.compactMap { g in
            let ms = g.modules.filter { available.contains($0) && PermissionMatrix.canRead(role, $0) }
            return ms.isEmpty ? nil : (g, ms)
        }
    }
}
