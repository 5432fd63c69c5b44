import Foundation

/// The roles of BYTEK's staff.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin, ventas, finanzas, operaciones, tecnico, almacen, soporte

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .admin: return "admin"
        case .ventas: return "ventas"
        case .finanzas: return "finanzas"
        case .operaciones: return "operaciones"
        case .tecnico: return "técnico"
        case .almacen: return "almacén"
        case .soporte: return "soporte"
        }
    }

    /// Accepts the plain and the accented spelling ("tecnico", "técnico").
    public init?(input: String) {
        let folded = TextFold.fold(input.trimmingCharacters(in: .whitespaces))
        guard let r = Role(rawValue: folded) else { return nil }
        self = r
    }
}

/// The modules of BYTEK Core, in the order of the top bar.
public enum AppModule: String, CaseIterable, Sendable {
    case customers, catalog, sales, quotes, billing, audit, jobs, users
    /// Tipo de cambio (Finanzas): finanzas and admin enter rates; the roles that see Finanzas read the
    /// screen (every role may still read a rate through the operations layer: `tipocambio.ver`).
    case exchangeRates
    /// Cobranzas: open receivables, payments, detracción deposits, retention receipts, bank statements.
    case receivables
    /// Recurrentes: what the subscriptions bill each period.
    case recurring
    /// Registro de ventas (SIRE RVIE) and the monthly close.
    case salesRegister
    /// Proyectos: projects made from what was sold, boards, milestones and sign-offs, profitability.
    case projects
    /// Horas: each person's timesheet (week grid, timer); managers approve weeks.
    case timesheets
}

public enum Access: Sendable, Equatable { case none, read, write }

/// Who may read and who may write each module. The TUI hides or refuses actions by it,
/// and so does the CLI.
public enum PermissionMatrix {
    public static func access(_ role: Role, _ module: AppModule) -> Access {
        switch (module, role) {
        case (_, .admin): return .write
        case (.customers, .ventas), (.customers, .finanzas): return .write
        case (.customers, _): return .read
        case (.catalog, .ventas), (.catalog, .almacen), (.catalog, .operaciones): return .write
        case (.catalog, _): return .read
        case (.sales, .ventas): return .write
        case (.sales, .finanzas), (.sales, .operaciones): return .read
        case (.sales, _): return .none
        case (.quotes, .ventas): return .write
        case (.quotes, .finanzas), (.quotes, .operaciones): return .read
        case (.quotes, _): return .none
        case (.billing, .finanzas): return .write
        case (.billing, .ventas), (.billing, .operaciones): return .read
        case (.billing, _): return .none
        case (.audit, .finanzas): return .read
        case (.audit, _): return .none
        case (.jobs, .operaciones): return .read
        case (.jobs, _): return .none
        case (.users, _): return .none
        case (.exchangeRates, .finanzas): return .write
        case (.exchangeRates, .ventas), (.exchangeRates, .operaciones): return .read
        case (.exchangeRates, _): return .none
        case (.receivables, .finanzas): return .write
        case (.receivables, .ventas), (.receivables, .operaciones): return .read
        case (.receivables, _): return .none
        case (.recurring, .finanzas): return .write
        case (.recurring, .ventas), (.recurring, .operaciones): return .read
        case (.recurring, _): return .none
        case (.salesRegister, .finanzas): return .write
        case (.salesRegister, _): return .none
        case (.projects, .operaciones), (.projects, .tecnico): return .write
        case (.projects, .ventas), (.projects, .finanzas), (.projects, .soporte): return .read
        case (.projects, _): return .none
        case (.timesheets, .almacen): return .none
        case (.timesheets, _): return .write
        }
    }

    public static func canRead(_ role: Role, _ module: AppModule) -> Bool { access(role, module) != .none }
    public static func canWrite(_ role: Role, _ module: AppModule) -> Bool { access(role, module) == .write }
}

/// Groups of a catalog item's fields that not every role that opens the catalog may see or change.
public enum CatalogFieldGroup: String, CaseIterable, Sendable {
    /// SKU, name, description, business unit, niche, kind.
    case identity
    /// Currency, sale price, rate basis, period, IGV category: what a quote charges.
    case salePrice
    /// The cost, and the margins computed from it (catalog, quote lines and totals).
    case cost
    /// What the warehouse keeps: unit of measure, SUNAT unit, serial tracking, active.
    case stock
}

/// Field-level rules, on top of the module matrix. Screens, the CLI and (next) the operations layer ask
/// these; they never decide by role themselves.
extension PermissionMatrix {
    /// What `role` may do with `group` of a catalog item (never more than its access to the catalog).
    public static func access(_ role: Role, _ group: CatalogFieldGroup) -> Access {
        let module = access(role, .catalog)
        guard module != .none else { return .none }
        let field: Access
        switch (group, role) {
        case (_, .admin), (_, .ventas): field = .write
        case (.cost, _): field = .none
        case (.stock, _): field = .write
        case (_, .operaciones): field = .write
        default: field = .read
        }
        return field == .write && module != .write ? .read : field
    }

    /// Costs and margins, wherever they are shown (catalog detail, `export catalog`, quote builder).
    public static func canSeeCosts(_ role: Role) -> Bool { access(role, .cost) != .none }

    /// Whether `role` may change `group` of an existing catalog item.
    public static func canEdit(_ role: Role, _ group: CatalogFieldGroup) -> Bool { access(role, group) == .write }

    /// Creating an item sets every group, so only a role that may write them all creates one
    /// (a role without sight of costs creates it at cost zero, which is not a cost it wrote).
    public static func canCreateCatalogItem(_ role: Role) -> Bool {
        canEdit(role, .identity) && canEdit(role, .salePrice) && canEdit(role, .stock)
    }

    /// `import catalog` writes every column of the file, cost included.
    public static func canImportCatalog(_ role: Role) -> Bool {
        CatalogFieldGroup.allCases.allSatisfy { canEdit(role, $0) }
    }
}
