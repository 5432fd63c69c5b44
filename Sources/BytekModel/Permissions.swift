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
        }
    }

    public static func canRead(_ role: Role, _ module: AppModule) -> Bool { access(role, module) != .none }
    public static func canWrite(_ role: Role, _ module: AppModule) -> Bool { access(role, module) == .write }
}
